using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Bench;

/// <summary>The bench's own catalog: products <c>BENCH-00001</c>… each stocked in every warehouse.</summary>
internal static class BenchCatalog
{
    public static readonly string[] Warehouses = ["uk-north", "uk-south", "eu-central"];

    public static async Task<List<string>> Stock(IGrainFactory grains, int count, int unitsPerWarehouse)
    {
        Console.WriteLine($"defining {count:N0} products with {unitsPerWarehouse:N0} units in each of {Warehouses.Length} warehouses …");
        var skus = Enumerable.Range(1, count).Select(i => $"BENCH-{i:D5}").ToList();
        var by = new Actor(ActorKind.Staff, "bench");
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (sku, _) =>
        {
            var price = 5m + (sku.GetHashCode(StringComparison.Ordinal) & 0xff) / 4m;
            if ((await grains.GetGrain<IProductGrain>(sku).Define($"Bench product {sku}", decimal.Round(price, 2))).Refusal is { } refused)
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
}