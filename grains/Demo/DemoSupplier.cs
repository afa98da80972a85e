using Microsoft.Extensions.Logging;

using OrderGrid.Catalog;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Demo;

/// <summary>
/// The simulated supplier: a minute or two after orders start waiting for a SKU in a warehouse, it delivers what they
/// need and a little more, and the stock grain fills them oldest first. One delivery at a time per SKU and warehouse.
/// It also delivers the open purchase orders (a planner's accepted restock) in full once their expected day has come.
/// </summary>
/// <param name="scale">Turns a time in life into the simulator's time.</param>
internal sealed class DemoSupplier(IGrainFactory grains, Random random, Func<TimeSpan, TimeSpan> scale, ILogger logger)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // Goods-in looks for due purchase orders this often (in life); a failed delivery waits for the next round.
    private static readonly TimeSpan PurchaseOrderRound = TimeSpan.FromHours(1);
    private const int PurchaseOrderBatch = 200;

    private readonly Dictionary<string, SupplierDelivery> _deliveries = new(StringComparer.Ordinal);
    private DateTimeOffset _nextPurchaseOrderRound = DateTimeOffset.MinValue;

    /// <summary>Orders what <paramref name="order"/> waits for, unless a delivery is already on its way.</summary>
    public void OrderMissingStock(OrderView order, DateTimeOffset now)
    {
        foreach (var line in order.Lines)
        {
            foreach (var allocation in line.Allocations.Where(a => a.Backordered > 0))
            {
                var key = StockKey.For(allocation.WarehouseId, line.Sku);
                if (!_deliveries.ContainsKey(key))
                {
                    var due = now + scale(DemoOperations.SupplierLeadTime(random));
                    _deliveries[key] = new SupplierDelivery(allocation.WarehouseId, line.Sku, due, $"demo-delivery:{Guid.NewGuid():N}");
                }
            }
        }
    }

    public Task DeliverDue(DateTimeOffset now) =>
        Task.WhenAll(_deliveries.Values.Where(d => d.DueAt <= now).ToArray().Select(d => Deliver(d, now)));

    /// <summary>Delivers every open purchase order of <paramref name="range"/> whose expected day has come, once a round.</summary>
    public async Task DeliverPurchaseOrders(IReadOnlyList<Product> range, DateTimeOffset now)
    {
        if (now < _nextPurchaseOrderRound || range.Count == 0)
        {
            return;
        }

        _nextPurchaseOrderRound = now + scale(PurchaseOrderRound);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        var keys = warehouses.SelectMany(w => range.Select(p => StockKey.For(w.Id, p.Sku)));
        foreach (var batch in keys.Chunk(PurchaseOrderBatch))
        {
            await Task.WhenAll(batch.Select(key => DeliverPurchaseOrders(key, today)));
        }
    }

    private async Task DeliverPurchaseOrders(string key, DateOnly today)
    {
        try
        {
            var stock = grains.GetGrain<ISkuStockGrain>(key);
            foreach (var order in (await stock.PurchaseOrders()).Where(o => o.ExpectedOn <= today))
            {
                // The id names the order and what had arrived, so a retry after a lost answer delivers nothing twice.
                var receipt = new StockReceipt(
                    order.Outstanding, $"purchase order {order.Id} (demo)", DemoTrafficGrain.Actor, $"demo-po:{order.Id}:{order.Received}", order.Id);
                if ((await stock.Receive(receipt)).Refusal is { } refusal)
                {
                    logger.StepRefused(DemoAction.Restock, key, refusal.Message);
                }
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var (warehouseId, sku) = StockKey.Parse(key);
            logger.DeliveryFailed(failure, sku, warehouseId);
        }
    }

    private async Task Deliver(SupplierDelivery delivery, DateTimeOffset now)
    {
        var key = StockKey.For(delivery.WarehouseId, delivery.Sku);
        try
        {
            var stock = grains.GetGrain<ISkuStockGrain>(key);
            if (delivery.Quantity is not { } quantity)
            {
                var level = await stock.GetLevel();
                if (level.Backordered == 0)
                {
                    _deliveries.Remove(key);
                    return;
                }

                quantity = DemoOperations.SupplierQuantity(level.Backordered, random);
                delivery = delivery with { Quantity = quantity };
                _deliveries[key] = delivery;
            }

            var receipt = new StockReceipt(quantity, "supplier delivery (demo)", DemoTrafficGrain.Actor, delivery.OperationId);
            if ((await stock.Receive(receipt)).Refusal is { } refusal)
            {
                logger.StepRefused(DemoAction.Restock, key, refusal.Message);
            }

            _deliveries.Remove(key);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            logger.DeliveryFailed(failure, delivery.Sku, delivery.WarehouseId);
            _deliveries[key] = delivery with { DueAt = now + scale(RetryAfter) };
        }
    }
}