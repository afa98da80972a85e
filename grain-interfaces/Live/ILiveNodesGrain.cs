using System.Collections.Immutable;

namespace OrderGrid.Live;

/// <summary>
/// Who is live (key <c>default</c>): each web node joins at start and renews its lease; a node that stops renewing
/// drops out after the lease. Kept in memory: nodes rejoin within one renewal after this grain moves.
/// </summary>
public interface ILiveNodesGrain : IGrainWithStringKey
{
    /// <summary>Joins or renews <paramref name="nodeId"/>; answers every live node (including this one).</summary>
    Task<ImmutableArray<LiveNodeAddress>> Join(string nodeId, ILiveNode node);

    Task Leave(string nodeId);
}