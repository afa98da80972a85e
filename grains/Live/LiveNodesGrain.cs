using System.Collections.Immutable;

namespace OrderGrid.Live;

/// <summary>The cluster's live nodes, each with a lease; the others are told when one joins or leaves.</summary>
[GrainType("live-nodes")]
public sealed class LiveNodesGrain(TimeProvider clock) : Grain, ILiveNodesGrain
{
    private readonly Dictionary<string, (ILiveNode Node, DateTimeOffset Until)> _nodes = new(StringComparer.Ordinal);

    public Task<ImmutableArray<LiveNodeAddress>> Join(string nodeId, ILiveNode node)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentNullException.ThrowIfNull(node);
        var isNew = !_nodes.ContainsKey(nodeId);
        _nodes[nodeId] = (node, clock.GetUtcNow() + LiveNodeLease.Duration);
        var expired = DropExpired();
        var nodes = Addresses();
        if (isNew || expired)
        {
            Tell(nodes, except: nodeId);
        }

        return Task.FromResult(nodes);
    }

    public Task Leave(string nodeId)
    {
        if (_nodes.Remove(nodeId))
        {
            Tell(Addresses(), except: null);
        }

        return Task.CompletedTask;
    }

    private bool DropExpired()
    {
        var now = clock.GetUtcNow();
        var expired = _nodes.Where(n => n.Value.Until < now).Select(n => n.Key).ToList();
        expired.ForEach(id => _nodes.Remove(id));
        return expired.Count > 0;
    }

    private ImmutableArray<LiveNodeAddress> Addresses() =>
        [.. _nodes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new LiveNodeAddress(n.Key, n.Value.Node))];

    private static void Tell(ImmutableArray<LiveNodeAddress> nodes, string? except)
    {
        foreach (var node in nodes.Where(n => n.NodeId != except))
        {
            node.Node.NodesChanged(nodes).Ignore();
        }
    }
}