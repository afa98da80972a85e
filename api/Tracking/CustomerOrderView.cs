using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Api.Tracking;

/// <summary>
/// What the holder of a tracking link sees: status, lines, parcels, timeline and notices — never contact details,
/// street lines or staff names, since a link can be forwarded.
/// </summary>
/// <param name="AllowedActions">What the holder of the link may do now (from the order's transition table).</param>
/// <param name="Currency">The ISO 4217 code of the amounts (the catalog's currency, <c>OrderGrid:Catalog:Currency</c>).</param>
/// <param name="Refunds">Refunds recorded on the order itself (units dropped when stock was short); returns show their own.</param>
/// <param name="WaitingByChoice">The customer chose to wait for everything during the present shortage.</param>
/// <param name="CollectAt">
/// Click &amp; collect: the name of the store where the customer collects (the warehouse's display name, never its id);
/// null for a delivery, or when the store is no longer in the warehouse directory.
/// </param>
public sealed record CustomerOrderView(
    string Id,
    OrderStatus Status,
    ImmutableArray<CustomerOrderLine> Lines,
    decimal Total,
    CustomerAddress? ShipTo,
    ImmutableArray<CustomerShipment> Shipments,
    ImmutableArray<CustomerTimelineEntry> Timeline,
    ImmutableArray<string> Notices,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    ImmutableArray<OrderAction> AllowedActions,
    string Currency,
    ImmutableArray<CustomerRefund> Refunds,
    bool WaitingByChoice,
    string? CollectAt)
{
    /// <param name="expectedBy">For each of the order's lines, the day what it waits for is expected (see <see cref="CustomerOrderLine.ExpectedBy"/>).</param>
    /// <param name="collectAt">The store's display name for a pickup order (see <see cref="CollectAt"/>).</param>
    public static CustomerOrderView From(
        OrderView order, IEnumerable<ShipmentView> shipments, IReadOnlyList<DateOnly?> expectedBy, string currency, string? collectAt = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(expectedBy);
        return new(
            order.Id,
            order.Status,
            [.. order.Lines.Select((l, i) => new CustomerOrderLine(
                l.Sku, l.Name, l.Quantity, l.UnitPrice, l.ReservedQuantity, l.BackorderedQuantity, l.BackorderedQuantity > 0 && i < expectedBy.Count ? expectedBy[i] : null))],
            order.Total,
            order.ShipTo is { } to ? new CustomerAddress(to.Name, to.City, to.PostalCode, to.Country) : null,
            [.. shipments.Select(CustomerShipment.From)],
            [.. order.Timeline.Select(t => new CustomerTimelineEntry(t.Sequence, t.At, t.Kind, ForCustomer(t), t.Actor.Kind, t.Status))],
            TrackingNotices.For(order),
            order.PlacedAt,
            order.UpdatedAt,
            order.Version,
            order.CustomerActions,
            currency,
            [.. order.Refunds.Select(r => new CustomerRefund(r.Amount, r.Reason, r.At))],
            order.Status == OrderStatus.Backordered && ShortageTimeline.WaitingByChoice(order.Timeline),
            order.Fulfilment is { IsPickup: true } ? collectAt : null);
    }

    /// <summary>
    /// The entry in the customer's words: what the lifecycle wrote for them, else plain words for its kind — staff
    /// wording can carry review thresholds, rules, warehouses, pick lists and street lines.
    /// </summary>
    private static string ForCustomer(TimelineEntry entry) => entry.Kind switch
    {
        EventKinds.OrderHeldForReview => "Your order is being checked by our team before we reserve your items.",
        EventKinds.OrderApproved => "Your order has been checked and accepted.",
        EventKinds.OrderRejected => "We could not accept your order. Please contact us for details.",
        EventKinds.OrderRuleApplied or EventKinds.OrderAutoApproved => "Your order is being prepared.",
        EventKinds.OrderCancelled when entry.Actor.Kind != ActorKind.Customer => "Your order was cancelled. Please contact us for details.",
        _ when entry.CustomerDescription is { } words => words,
        EventKinds.OrderPlaced => "Order placed.",
        EventKinds.OrderReserved => "All your items are reserved.",
        EventKinds.OrderBackordered => "Delayed: part of your order is waiting for stock.",
        EventKinds.OrderStockAllocated or EventKinds.OrderRemainderReserved => "Stock arrived for part of your order.",
        EventKinds.OrderProcessing => "Your order is being prepared.",
        EventKinds.PickListOpen or EventKinds.PickListPicked or EventKinds.PickListPacked or EventKinds.PickListShipped => "Your order is being prepared.",
        EventKinds.OrderSplit => "Your order comes in more than one parcel.",
        EventKinds.OrderShipped => "Shipped.",
        EventKinds.OrderPartiallyShipped => "Part of your order shipped.",
        EventKinds.OrderMerged => "Your order will travel in one parcel with other orders of yours.",
        EventKinds.OrderModified => "Your order was changed.",
        EventKinds.StockAdjusted or EventKinds.StockReleased => "The items held for you were updated.",
        EventKinds.PickupReady => "Ready for you to collect at the store.",
        EventKinds.PickupCollected => "You collected your order at the store.",
        EventKinds.ReturnRequested => "Return requested.",
        EventKinds.ReturnReceived => "We received your returned items.",
        EventKinds.ReturnRefunded => "Your return was refunded.",
        _ => entry.Description,
    };
}