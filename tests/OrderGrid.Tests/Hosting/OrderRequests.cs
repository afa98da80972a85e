using System.Net.Http.Json;

namespace OrderGrid.Tests.Hosting;

/// <summary>Order requests as a client writes them.</summary>
public static class OrderRequests
{
    public static object ShipTo { get; } = new
    {
        name = "Ada Lovelace",
        line1 = "12 St James Sq",
        city = "London",
        postalCode = "SW1Y 4JH",
        country = "GB",
    };

    public static object Body(string customerId, string channel, params (string Sku, int Quantity)[] lines) => new
    {
        customerId,
        email = $"{customerId}@example.com",
        channel,
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
        shipTo = ShipTo,
    };

    public static HttpRequestMessage Post(object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>A raw body, sent as JSON exactly as written.</summary>
    public static HttpRequestMessage PostRaw(string json) =>
        new(HttpMethod.Post, "/api/orders") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
}