using System.Collections.Immutable;

using OrderGrid.Shipping;

namespace OrderGrid.Orders;

/// <summary>
/// An order after a change: its whole view and where its unpublished entries begin. The timeline is the order's
/// outbox: entries after <paramref name="FromVersion"/> have not yet been confirmed delivered. Consumers apply
/// entries by (order id, sequence) and views by version, so a change delivered twice is applied once.
/// <paramref name="Shipments"/> carries the shipments the order has heard of on this activation (each as its shipment
/// recorded it), so the customer's view is built without asking a shipment grain that may still be busy telling the order.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.order-changed")]
public sealed record OrderChanged(
    [property: Id(0)] OrderView Order,
    [property: Id(1)] long FromVersion,
    [property: Id(2)] ImmutableArray<ShipmentView> Shipments = default)
{
    public IEnumerable<TimelineEntry> NewEntries => Order.Timeline.Where(e => e.Sequence > FromVersion);
}