using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>Live counts of all orders (key <c>default</c>), fed one way by every order on each status change.</summary>
public interface IOrderWallGrain : IGrainWithStringKey
{
    [OneWay]
    Task Track(OrderStatusChange change);

    [ReadOnly]
    Task<OrderWallSummary> Summary();

    /// <summary>Orders in <paramref name="status"/> (e.g. the review queue), oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<QueuedOrder>> Queue(OrderStatus status, int limit);
}