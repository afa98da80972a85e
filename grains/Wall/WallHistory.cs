using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>
/// The wall's starting point: every order that is still open or changed lately (to be followed one by one), and
/// counts of the older, finished ones (counted, never to change again).
/// </summary>
public sealed record WallHistory(
    IReadOnlyList<OrderStatusChange> RecentOrders,
    IReadOnlyDictionary<OrderStatus, int> FinishedByStatus,
    IReadOnlyDictionary<SalesChannel, int> FinishedByChannel);