using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.Wall;

/// <summary>
/// The operations wall (key <c>default</c>): counts, the last hour's orders per minute, queues and alerts. Fed one way
/// by every order on each status change and by stock grains when a SKU runs out or comes back.
/// </summary>
public interface IOrderWallGrain : IGrainWithStringKey
{
    [OneWay]
    Task Track(OrderStatusChange change);

    /// <summary>A warehouse/SKU ran out of available stock or has some again.</summary>
    [OneWay]
    Task TrackStock(StockLevel level);

    [ReadOnly]
    Task<OrderWallSummary> Summary();

    [ReadOnly]
    Task<WallSnapshot> Snapshot();

    /// <summary>The snapshot, or null while the revision is still <paramref name="revision"/> (cheap polling).</summary>
    [ReadOnly]
    Task<WallSnapshot?> SnapshotAfter(long revision);

    /// <summary>Orders in <paramref name="status"/> (e.g. the review queue), oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<QueuedOrder>> Queue(OrderStatus status, int limit);
}