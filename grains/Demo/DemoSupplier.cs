using Microsoft.Extensions.Logging;

using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.Demo;

/// <summary>
/// The simulated supplier: a minute or two after orders start waiting for a SKU in a warehouse, it delivers what they
/// need and a little more, and the stock grain fills them oldest first. One delivery at a time per SKU and warehouse.
/// </summary>
/// <param name="scale">Turns a time in life into the simulator's time.</param>
internal sealed class DemoSupplier(IGrainFactory grains, Random random, Func<TimeSpan, TimeSpan> scale, ILogger logger)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, SupplierDelivery> _deliveries = new(StringComparer.Ordinal);

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