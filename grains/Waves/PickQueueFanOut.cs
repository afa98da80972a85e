using OrderGrid.Orders;

namespace OrderGrid.Waves;

/// <summary>
/// Follows the order change feed and tells each warehouse queue which pick lists of the order are still open there
/// (none once the order is cancelled). The queues drop news older than what they hold, so repeats change nothing.
/// </summary>
public sealed class PickQueueFanOut(IGrainFactory grains) : IOrderChangeConsumer
{
    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Task.WhenAll(changes
            .Select(c => c.Order)
            .Where(o => !o.PickLists.IsEmpty)
            .SelectMany(o => o.PickLists.Select(p => p.WarehouseId).Distinct(StringComparer.Ordinal).Select(w => (Warehouse: w, News: News(o, w))))
            .Select(x => grains.GetGrain<IPickQueueGrain>(x.Warehouse).Track(x.News)));
    }

    private static OrderPickLists News(OrderView order, string warehouseId) =>
        new(order.Id, order.Version, order.Priority, order.PlacedAt, order.Status == OrderStatus.Cancelled
            ? []
            : [.. order.PickLists.Where(p => p.WarehouseId == warehouseId && p.Status == PickListStatus.Open)]);
}