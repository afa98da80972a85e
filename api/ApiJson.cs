using System.Text.Json;
using System.Text.Json.Serialization;

using OrderGrid.Orders;

namespace OrderGrid.Api;

/// <summary>
/// JSON of the API: camelCase properties; enums as strings (sales channels in camelCase like the rest of a request,
/// e.g. <c>"web"</c>; statuses by name, e.g. <c>"AwaitingReview"</c>), read case-insensitively. Enum numbers are
/// refused so that an unknown value can never slip through as a number.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter<SalesChannel>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    }
}