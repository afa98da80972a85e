using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>An order waiting for staff review, with what a reviewer decides on.</summary>
public sealed record ReviewQueueItem(
    string Id,
    string CustomerId,
    SalesChannel Channel,
    decimal Total,
    ImmutableArray<OrderHold> Holds,
    DateTimeOffset PlacedAt)
{
    public static ReviewQueueItem From(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Id, order.CustomerId, order.Channel, order.Total, order.Holds, order.PlacedAt);
    }
}