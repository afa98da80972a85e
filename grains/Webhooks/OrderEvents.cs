using System.Text.Json;
using System.Text.Json.Serialization;

using OrderGrid.Orders;

namespace OrderGrid.Webhooks;

/// <summary>
/// Turns order changes into webhook events: one per new timeline entry, typed by the entry's kind, carrying the
/// order as staff see it, in the API's JSON (camelCase, enums by name, sales channels in camelCase).
/// </summary>
public static class OrderEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter<SalesChannel>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter(),
        },
    };

    public static IEnumerable<WebhookEvent> From(OrderChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var order = change.Order;
        foreach (var entry in change.NewEntries)
        {
            var id = $"{order.Id}:{entry.Sequence}";
            var body = JsonSerializer.Serialize(new { id, type = entry.Kind, occurredAt = entry.At, orderId = order.Id, status = entry.Status, order }, Json);
            yield return new WebhookEvent(id, entry.Kind, entry.At, body);
        }
    }
}