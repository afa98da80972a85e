namespace OrderGrid.Orders;

/// <summary>
/// An order after a change: its whole view and where its unpublished entries begin. The timeline is the order's
/// outbox: entries after <paramref name="FromVersion"/> have not yet been confirmed delivered. Consumers apply
/// entries by (order id, sequence) and views by version, so a change delivered twice is applied once.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.order-changed")]
public sealed record OrderChanged(
    [property: Id(0)] OrderView Order,
    [property: Id(1)] long FromVersion)
{
    public IEnumerable<TimelineEntry> NewEntries => Order.Timeline.Where(e => e.Sequence > FromVersion);
}