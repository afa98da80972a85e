using System.Collections.Immutable;

namespace OrderGrid.Live;

/// <summary>
/// A web node's SignalR side, reachable from every silo: pushes made anywhere in the cluster reach the browsers
/// connected to this node. One way: a slow or gone node never holds up the node that sends.
/// </summary>
public interface ILiveNode : IGrainObserver
{
    [OneWay]
    Task Deliver(ImmutableArray<LivePush> pushes);

    /// <summary>The cluster's live nodes changed (one joined, one left).</summary>
    [OneWay]
    Task NodesChanged(ImmutableArray<LiveNodeAddress> nodes);
}