namespace OrderGrid.Orders;

/// <summary>An order's status after its change with sequence <paramref name="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("og.order-status-change")]
public sealed record OrderStatusChange(
    [property: Id(0)] string OrderId,
    [property: Id(1)] SalesChannel Channel,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset PlacedAt,
    [property: Id(5)] DateTimeOffset At);