using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>The wall's knowledge of one order.</summary>
internal sealed record WallEntry(OrderStatus Status, SalesChannel Channel, long Version, DateTimeOffset PlacedAt, DateTimeOffset Since);