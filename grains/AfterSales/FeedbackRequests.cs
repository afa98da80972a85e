using OrderGrid.Orders;

namespace OrderGrid.AfterSales;

/// <summary>
/// Follows the order change feed: when an order is delivered or collected, its after-sales grain sets the reminder
/// that asks the customer for a rating later. Setting it again on a repeated change changes nothing. It does not ask the
/// order anything: the order waits for the feed.
/// </summary>
public sealed class FeedbackRequests(IGrainFactory grains) : IOrderChangeConsumer
{
    private static readonly HashSet<string> DeliveredKinds = new([EventKinds.ShipmentDelivered, EventKinds.PickupCollected], StringComparer.Ordinal);

    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Task.WhenAll(changes
            .SelectMany(c => c.NewEntries.Where(e => DeliveredKinds.Contains(e.Kind)).Select(e => (c.Order.Id, e.At)))
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => grains.GetGrain<IOrderAfterSalesGrain>(d.Id).ScheduleFeedbackRequest(d.At)));
    }
}