using System.Collections.Immutable;
using System.Text.Json;

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
    private ImmutableArray<LiveNodeAddress> _nodes = [];

    /// <summary>The cluster's live nodes as last heard (this one included).</summary>
    public ImmutableArray<LiveNodeAddress> Nodes => _nodes;

    public Task NodesChanged(ImmutableArray<LiveNodeAddress> nodes)
    {
        _nodes = nodes;
        return Task.CompletedTask;
    }

    public async Task Deliver(ImmutableArray<LivePush> pushes)
    {
        foreach (var push in pushes)
        {
            try
            {
                var payload = JsonSerializer.Deserialize<JsonElement>(push.Json);
                await Clients(push.Hub).Group(push.Group).SendAsync(push.Method, payload);
            }
            catch (Exception failure) when (failure is JsonException or ArgumentException or IOException or InvalidOperationException)
            {
                // One bad push must not stop the others; the clients resynchronise on their next update.
                LogPushFailed(logger, failure, push.Method, push.Group);
            }
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