using OrderGrid.Orders;

namespace OrderGrid.Api.Live;

/// <summary>Pushed to the wall for every order change: the order at a glance and what just happened to it.</summary>
public sealed record WallOrderEvent(
    string OrderId,
    SalesChannel Channel,
    OrderStatus Status,
    long Version,
    decimal Total,
    DateTimeOffset PlacedAt,
    IReadOnlyList<WallOrderEntry> Entries);