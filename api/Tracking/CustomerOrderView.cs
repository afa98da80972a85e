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
    ImmutableArray<OrderAction> AllowedActions)
{
    public static CustomerOrderView From(OrderView order, IEnumerable<ShipmentView> shipments)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Status,
            [.. order.Lines.Select(l => new CustomerOrderLine(l.Sku, l.Name, l.Quantity, l.UnitPrice, l.ReservedQuantity, l.BackorderedQuantity))],
            order.Total,
            order.ShipTo is { } to ? new CustomerAddress(to.Name, to.City, to.PostalCode, to.Country) : null,
            [.. shipments.Select(CustomerShipment.From)],
            [.. order.Timeline.Select(t => new CustomerTimelineEntry(t.Sequence, t.At, t.Kind, ForCustomer(t), t.Actor.Kind, t.Status))],
            TrackingNotices.For(order),
            order.PlacedAt,
            order.UpdatedAt,
            order.Version,
            order.CustomerActions);
    }

    // Staff wording can carry review thresholds and internal notes: the customer sees plain words instead.
    private static string ForCustomer(TimelineEntry entry) => entry.Kind switch
    {
        "order.held-for-review" => "Your order is being checked by our team before we reserve your items.",
        "order.approved" => "Your order has been checked and accepted.",
        "order.rejected" => "We could not accept your order. Please contact us for details.",
        "order.rule-applied" or "order.auto-approved" => "Your order is being prepared.",
        "order.cancelled" when entry.Actor.Kind != ActorKind.Customer => "Your order was cancelled. Please contact us for details.",
        _ => entry.Description,
    };
}