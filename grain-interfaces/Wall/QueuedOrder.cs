using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>An order waiting for staff (review) or for stock (backorder), oldest first.</summary>
[GenerateSerializer, Immutable, Alias("og.queued-order")]
public sealed record QueuedOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] SalesChannel Channel,
    [property: Id(3)] DateTimeOffset PlacedAt,
    [property: Id(4)] DateTimeOffset Since);