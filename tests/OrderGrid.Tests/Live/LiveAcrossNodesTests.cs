using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using Orleans.Runtime;

namespace OrderGrid.Tests.Live;

/// <summary>
/// Two silos on one database: a change made through node A reaches a browser connected to node B, whichever node
/// the order's grain lives on. Each order is followed from both nodes, so for every order one of the two pushes
/// must have crossed from the grain's node to the other.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class LiveAcrossNodesTests
{
    [Fact]
    public async Task A_change_made_on_one_node_reaches_followers_connected_to_either_node()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("live_nodes");
        await using var a = await new PostgresApp(connectionString, ("OrderGrid:Live:Renew", "00:00:01")).StartedAsync();
        await using var b = await new PostgresApp(connectionString, ("OrderGrid:Live:Renew", "00:00:01")).StartedAsync();
        await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(a) + ActiveSilos(b)), count => count == 4, "both nodes seeing two active silos");
        var opsA = a.Ops;
        var sku = await ApiCalls.Product(opsA, "uk-north", 20);

        var orders = new List<(string Id, string Token)>();
        for (var i = 0; i < 6; i++)
        {
            var placed = await ApiCalls.PlaceOrder(a.CreateClient(), sku, 1);
            orders.Add((ApiCalls.Text(placed["id"]), ApiCalls.Text(placed["trackingToken"])));
        }

        await using var onA = await LiveClient.Connect(a, "/hubs/orders");
        await using var onB = await LiveClient.Connect(b, "/hubs/orders");
        await using var wallOnB = await LiveClient.Connect(b, "/hubs/wall", PostgresApp.OpsKey);
        await wallOnB.Watch();
        foreach (var (id, token) in orders)
        {
            await onA.Follow(id, token);
            await onB.Follow(id, token);
        }

        // Both nodes must know each other in the live network before a push can cross.
        await ApiCalls.Eventually(() => Task.FromResult(LiveNodes(a) + LiveNodes(b)), count => count == 4, "both nodes in the live network");
        foreach (var (id, _) in orders)
        {
            using var cancelled = await opsA.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "cross-node test" });
            await ApiCalls.Ok(cancelled);
        }

        foreach (var (id, _) in orders)
        {
            await onA.Next("orderUpdated", p => IsCancelled(p, id));
            await onB.Next("orderUpdated", p => IsCancelled(p, id));
            await wallOnB.Next("orderEvent", p => p.GetProperty("orderId").GetString() == id && p.GetProperty("status").GetString() == "Cancelled");
        }
    }

    private static bool IsCancelled(JsonElement update, string orderId) =>
        update.GetProperty("orderId").GetString() == orderId && update.GetProperty("order").GetProperty("status").GetString() == "Cancelled";

    private static int ActiveSilos(PostgresApp app) =>
        app.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    private static int LiveNodes(PostgresApp app) => app.Services.GetRequiredService<Api.Live.LiveNode>().Nodes.Length;
}