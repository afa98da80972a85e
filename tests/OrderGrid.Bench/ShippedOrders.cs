using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Bench;

/// <summary>An order on its way to the customer: what a tracking client needs and where carrier events go.</summary>
internal sealed record ShippedOrder(string OrderId, string Token, string ShipmentId);

/// <summary>
/// Sets up orders the way staff would, through the API: bench products with plenty of stock in one warehouse, then
/// per order place → pick lists → picked → packed → ship, many orders at a time.
/// </summary>
internal static class ShippedOrders
{
    private const int Products = 16;
    private const string Warehouse = "uk-north";

    public static async Task<ShippedOrder[]> Create(HttpClient ops, string run, int count, int concurrency)
    {
        var skus = Enumerable.Range(0, Products).Select(i => $"bench-{run}-{i}").ToArray();
        foreach (var sku in skus)
        {
            await Call(ops, HttpMethod.Put, $"/api/catalog/{sku}", new { name = $"Bench product {sku}", unitPrice = 9.99m });
            await Call(ops, HttpMethod.Post, $"/api/stock/{Warehouse}/{sku}/receipts", new { quantity = (count / Products) + 10, reason = "bench" }, $"{sku}-stock");
        }

        var orders = new ShippedOrder[count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            orders[i] = await Ship(ops, run, i, skus[i % Products]);
            if (Interlocked.Increment(ref done) % 500 == 0)
            {
                Console.WriteLine($"setup: {done:N0} of {count:N0} orders shipped ({done / clock.Elapsed.TotalSeconds:F0} orders/s)");
            }
        });
        return orders;
    }

    private static async Task<ShippedOrder> Ship(HttpClient ops, string run, int n, string sku)
    {
        var customerId = $"bench-{run}-{n}";
        var placed = await Call(ops, HttpMethod.Post, "/api/orders", new
        {
            customerId,
            email = $"{customerId}@example.com",
            channel = "web",
            lines = new[] { new { sku, quantity = 1 } },
            shipTo = new { name = "Bench Customer", line1 = "1 Load Street", city = "Leeds", postalCode = "LS1 1AA", country = "GB" },
        }, $"{customerId}-order");
        var orderId = (string)placed["id"]!;
        if ((string?)placed["status"] != "Reserved")
        {
            throw new InvalidOperationException($"Order {orderId} is {placed["status"]}, not Reserved: the bench stock ran short.");
        }

        var pickLists = await Call(ops, HttpMethod.Post, $"/api/orders/{orderId}/pick-lists");
        var pickListId = (string)pickLists.AsArray().Single()!["id"]!;
        await Call(ops, HttpMethod.Post, $"/api/pick-lists/{pickListId}/picked");
        await Call(ops, HttpMethod.Post, $"/api/pick-lists/{pickListId}/packed");
        var label = await Call(ops, HttpMethod.Post, $"/api/pick-lists/{pickListId}/ship", new { carrier = "DHL" });
        return new ShippedOrder(orderId, (string)placed["trackingToken"]!, (string)label["shipmentId"]!);
    }

    private static async Task<JsonNode> Call(HttpClient http, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is { } answer
            ? answer
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}