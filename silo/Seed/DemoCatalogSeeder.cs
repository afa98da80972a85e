using System.Diagnostics;

using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Silo.Import;
using OrderGrid.Silo.Warehouses;
using OrderGrid.Stock;

namespace OrderGrid.Silo.Seed;

/// <summary>
/// Defines the demo catalog and gives every warehouse stock, once the silo runs and only when
/// <c>OrderGrid:Demo:Seed</c> is on. Idempotent: a full catalog is left alone, existing products are
/// not redefined, and receipts carry operation ids, so a seed interrupted half way is completed by the
/// next start without double stock.
/// </summary>
internal sealed partial class DemoCatalogSeeder(
    IGrainFactory grains,
    IOptions<DemoOptions> demo,
    IOptions<WarehousesOptions> warehouses,
    ILogger<DemoCatalogSeeder> logger) : IHostedService
{
    public static string CatalogPath => Path.Combine(AppContext.BaseDirectory, "Seed", "catalog.csv");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Seed)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<ProductLine> products;
        using (var reader = File.OpenText(CatalogPath))
        {
            // The demo catalog is read by the same reader and rules as `import catalog`.
            var file = CatalogFile.Read(reader);
            if (!file.IsValid)
            {
                throw new FormatException($"{CatalogPath} line {file.BadRows[0].Line}: {file.BadRows[0].Reason}");
            }

            products = file.Rows;
        }

        var catalog = grains.GetGrain<ICatalogGrain>("default");
        if (await catalog.Count() == products.Count)
        {
            LogAlreadySeeded(logger, products.Count);
            return;
        }

        LogSeeding(logger, products.Count, warehouses.Value.Warehouses.Count);
        var defined = 0;
        var refused = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(products, parallel, async (product, _) =>
        {
            // A product that exists keeps its name and price: staff may have changed them since.
            var grain = grains.GetGrain<IProductGrain>(product.Sku);
            if (await grain.Get() is not null)
            {
                return;
            }

            var outcome = await grain.Define(product.Name, product.UnitPrice);
            if (outcome.Refusal is { } refusal)
            {
                Interlocked.Increment(ref refused);
                LogRefused(logger, product.Sku, refusal.Message);
            }
            else
            {
                Interlocked.Increment(ref defined);
            }
        });

        var receipts = products
            .SelectMany(_ => warehouses.Value.Warehouses, (product, warehouse) => (WarehouseId: warehouse.Id, product.Sku))
            .Select(pair => (pair.WarehouseId, pair.Sku, Quantity: DemoStock.QuantityFor(pair.WarehouseId, pair.Sku)))
            .Where(pair => pair.Quantity > 0)
            .ToList();
        await Parallel.ForEachAsync(receipts, parallel, async (receipt, _) =>
        {
            var received = await grains.GetGrain<ISkuStockGrain>(StockKey.For(receipt.WarehouseId, receipt.Sku)).Receive(
                new StockReceipt(receipt.Quantity, "demo seed", Actor.System, OperationId: $"seed:{receipt.WarehouseId}:{receipt.Sku}"));
            if (received.Refusal is { } refusal)
            {
                Interlocked.Increment(ref refused);
                LogRefused(logger, StockKey.For(receipt.WarehouseId, receipt.Sku), refusal.Message);
            }
        });

        var units = receipts.Sum(r => r.Quantity);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogSeeded(logger, defined, products.Count, warehouses.Value.Warehouses.Count, receipts.Count, units, refused, elapsedMs);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: defining {Products} products and their stock in {Warehouses} warehouses…")]
    private static partial void LogSeeding(ILogger logger, int products, int warehouses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: catalog already holds {Products} products, nothing to do")]
    private static partial void LogAlreadySeeded(ILogger logger, int products);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo seed: {Defined} of {Products} products defined, {Receipts} stock receipts ({Units} units) across {Warehouses} warehouses, {Refused} refused, in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int defined, int products, int warehouses, int receipts, int units, int refused, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo seed: {Key} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string key, string reason);
}