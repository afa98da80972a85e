using OrderGrid.Orders;

namespace OrderGrid.AfterSales;

/// <summary>
/// Follows the order change feed: when an order is delivered or collected, its after-sales grain sets the reminder
/// that asks the customer for a rating later. Setting it again on a repeated change changes nothing.
/// </summary>
public sealed class FeedbackRequests(IGrainFactory grains) : IOrderChangeConsumer
{
    private static readonly HashSet<string> DeliveredKinds = new(["shipment.delivered", "pickup.collected"], StringComparer.Ordinal);

    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Task.WhenAll(changes
            .Where(c => c.NewEntries.Any(e => DeliveredKinds.Contains(e.Kind)))
            .Select(c => c.Order.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(id => grains.GetGrain<IOrderAfterSalesGrain>(id).ScheduleFeedbackRequest()));
    }
}
