using System.Net.Http.Json;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Bench;

/// <summary>
/// The bench's own catalog: products <c>BENCH-00001</c>… each stocked in every warehouse, defined through the grains
/// of a silo in this process or through the API (<c>PUT /api/catalog/{sku}</c>, then a stock receipt per warehouse)
/// of one in another.
/// </summary>
internal static class BenchCatalog
{
    public static readonly string[] Warehouses = ["uk-north", "uk-south", "eu-central"];

    public static Task<List<string>> Stock(BenchHost host, HttpClient ops, int count, int unitsPerWarehouse) =>
        host.Grains is { } grains ? Stock(grains, count, unitsPerWarehouse) : Stock(ops, count, unitsPerWarehouse);

    public static async Task<List<string>> Stock(IGrainFactory grains, int count, int unitsPerWarehouse)
    {
        Console.WriteLine($"defining {count:N0} products with {unitsPerWarehouse:N0} units in each of {Warehouses.Length} warehouses (grain calls) …");
        var skus = Skus(count);
        var by = new Actor(ActorKind.Staff, "bench");
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (sku, _) =>
        {
            if ((await grains.GetGrain<IProductGrain>(sku).Define($"Bench product {sku}", Price(sku))).Refusal is { } refused)
            {
                throw new InvalidOperationException($"{sku}: {refused.Message}");
            }

            foreach (var warehouse in Warehouses)
            {
                var receipt = new StockReceipt(unitsPerWarehouse, "bench delivery", by, $"bench-receipt-{warehouse}-{sku}");
                if ((await grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouse, sku)).Receive(receipt)).Refusal is { } refusal)
                {
                    throw new InvalidOperationException($"{warehouse}/{sku}: {refusal.Message}");
                }
            }
        });
        return skus;
    }

    /// <summary>The same through the API, with an ops key.</summary>
    public static async Task<List<string>> Stock(HttpClient ops, int count, int unitsPerWarehouse)
    {
        Console.WriteLine($"defining {count:N0} products with {unitsPerWarehouse:N0} units in each of {Warehouses.Length} warehouses (HTTP) …");
        var skus = Skus(count);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (sku, token) =>
        {
            using (var defined = await ops.PutAsJsonAsync(new Uri($"/api/catalog/{sku}", UriKind.Relative), new { name = $"Bench product {sku}", unitPrice = Price(sku) }, token))
            {
                await Succeeded(defined, $"PUT /api/catalog/{sku}", token);
            }

            foreach (var warehouse in Warehouses)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/stock/{warehouse}/{sku}/receipts", UriKind.Relative))
                {
                    Content = JsonContent.Create(new { quantity = unitsPerWarehouse, reason = "bench delivery" }),
                };
                request.Headers.Add("Idempotency-Key", $"bench-receipt-{warehouse}-{sku}");
                using var received = await ops.SendAsync(request, token);
                await Succeeded(received, $"POST /api/stock/{warehouse}/{sku}/receipts", token);
            }
        });
        return skus;
    }

    private static List<string> Skus(int count) => [.. Enumerable.Range(1, count).Select(i => $"BENCH-{i:D5}")];

    private static decimal Price(string sku) => decimal.Round(5m + (sku.GetHashCode(StringComparison.Ordinal) & 0xff) / 4m, 2);

    private static async Task Succeeded(HttpResponseMessage response, string call, CancellationToken token)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
        }
    }
}