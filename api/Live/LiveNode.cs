using System.Collections.Immutable;

using Microsoft.AspNetCore.SignalR;

using OrderGrid.Live;

namespace OrderGrid.Api.Live;

/// <summary>This node's end of the live network: sends pushes from anywhere in the cluster to its own browsers.</summary>
public sealed partial class LiveNode(
    IHubContext<OrderHub> orders,
    IHubContext<WallHub> wall,
    IHubContext<PlanningHub> planning,
    ILogger<LiveNode> logger) : ILiveNode
{
    /// <summary>How long a node's browsers may take to accept a batch before the slow ones are left behind.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (LiveNodeAddress Address, DateTimeOffset Seen)> _known = new(StringComparer.Ordinal);
    private ImmutableArray<LiveNodeAddress> _nodes = [];

    /// <summary>
    /// The cluster's live nodes as last heard (this one included). Lists are merged, not replaced: a node stays until
    /// no list has named it for a lease, so an answer from a directory that just restarted and knows only some nodes
    /// does not cut the others off, and a late answer does not undo a newer one.
    /// </summary>
    public ImmutableArray<LiveNodeAddress> Nodes => _nodes;

    public Task NodesChanged(ImmutableArray<LiveNodeAddress> nodes)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            foreach (var node in nodes)
            {
                _known[node.NodeId] = (node, now);
            }

            foreach (var gone in _known.Where(k => now - k.Value.Seen > LiveNodeLease.Duration).Select(k => k.Key).ToList())
            {
                _known.Remove(gone);
            }

            _nodes = [.. _known.Values.Select(k => k.Address)];
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends every push of the batch at once and waits at most <see cref="SendTimeout"/>: a browser whose connection
    /// stalled must not hold up the others (it resynchronises when it reconnects).
    /// </summary>
    public async Task Deliver(ImmutableArray<LivePush> pushes)
    {
        using var timeout = new CancellationTokenSource(SendTimeout);
        await Task.WhenAll(pushes.Select(push => Send(push, timeout.Token)));
    }

    private async Task Send(LivePush push, CancellationToken cancellationToken)
    {
        try
        {
            await Clients(push.Hub).Group(push.Group).SendAsync(push.Method, new PreSerializedJson(push.Json), cancellationToken);
        }
        catch (Exception failure) when (failure is ArgumentException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // One bad or slow push must not stop the others; the clients resynchronise on their next update.
            LogPushFailed(logger, failure, push.Method, push.Group);
        }
    }

    private IHubClients Clients(string hub) => hub switch
    {
        LiveGroups.OrdersHub => orders.Clients,
        LiveGroups.WallHub => wall.Clients,
        LiveGroups.PlanningHub => planning.Clients,
        _ => throw new ArgumentException($"Unknown hub '{hub}'.", nameof(hub)),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live push ({Method} to {Group}) was not sent.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string method, string group);
}