using System.Net.Http.Json;

using Microsoft.Extensions.DependencyInjection;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// Two silos (two hosts in this process) on one database form one cluster through the AdoNet membership table:
/// each grain lives once in the cluster, whichever node the request came in through.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_hosts_on_one_database_form_one_cluster_and_share_every_order()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("cluster_share");
        await using var a = await new PostgresApp(connectionString).StartedAsync();
        await using var b = await new PostgresApp(connectionString).StartedAsync();
        await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(a)), count => count == 2, "node A seeing two active silos");
        await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(b)), count => count == 2, "node B seeing two active silos");
        var opsA = a.Ops;
        var opsB = b.Ops;
        var sku = await ApiCalls.Product(opsA, "uk-north", 10);

        // Placed through A; read, cancelled and advanced through B.
        var cancelMe = ApiCalls.Text((await ApiCalls.PlaceOrder(a.CreateClient(), sku, 2))["id"]);
        var shipMe = ApiCalls.Text((await ApiCalls.PlaceOrder(a.CreateClient(), sku, 3))["id"]);
        Assert.Equal("Reserved", ApiCalls.Text((await ApiCalls.Order(opsB, cancelMe))["status"]));
        using (var cancelled = await opsB.PostAsJsonAsync($"/api/orders/{cancelMe}/cancel", new { reason = "duplicate" }))
        {
            await ApiCalls.Ok(cancelled);
        }

        using (var pickLists = await opsB.PostAsync(new Uri($"/api/orders/{shipMe}/pick-lists", UriKind.Relative), content: null))
        {
            await ApiCalls.Ok(pickLists);
        }

        Assert.Equal("Cancelled", ApiCalls.Text((await ApiCalls.Order(opsA, cancelMe))["status"]));
        Assert.Equal("Processing", ApiCalls.Text((await ApiCalls.Order(opsA, shipMe))["status"]));
        var stock = await ApiCalls.Stock(opsA, "uk-north", sku);
        Assert.Equal(3, ApiCalls.Number(stock["reserved"]));
        Assert.Equal(7, ApiCalls.Number(stock["available"]));
    }

    [Fact]
    public async Task Concurrent_single_unit_orders_through_both_nodes_never_oversell()
    {
        const int OnHand = 10;
        const int OrdersPerNode = 15;
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("cluster_oversell");
        await using var a = await new PostgresApp(connectionString).StartedAsync();
        await using var b = await new PostgresApp(connectionString).StartedAsync();
        await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(b)), count => count == 2, "two active silos");
        var sku = await ApiCalls.Product(a.Ops, "uk-north", OnHand);

        var placed = await Task.WhenAll(Enumerable.Range(0, 2 * OrdersPerNode).Select(i =>
            ApiCalls.PlaceOrder((i % 2 == 0 ? a : b).CreateClient(), sku, 1)));

        var statuses = placed.Select(order => ApiCalls.Text(order["status"])).ToList();
        Assert.Equal(OnHand, statuses.Count(status => status == "Reserved"));
        Assert.Equal((2 * OrdersPerNode) - OnHand, statuses.Count(status => status == "Backordered"));
        foreach (var node in new[] { a, b })
        {
            var stock = await ApiCalls.Stock(node.Ops, "uk-north", sku);
            Assert.Equal(OnHand, ApiCalls.Number(stock["onHand"]));
            Assert.Equal(OnHand, ApiCalls.Number(stock["reserved"]));
            Assert.Equal(0, ApiCalls.Number(stock["available"]));
            Assert.Equal((2 * OrdersPerNode) - OnHand, ApiCalls.Number(stock["backordered"]));
        }
    }

    [Fact]
    public async Task When_one_node_stops_the_other_keeps_serving_its_orders()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("cluster_failover");
        var b = await new PostgresApp(connectionString).StartedAsync();
        await using var keepB = b;
        var orders = new List<string>();
        string sku;
        await using (var a = await new PostgresApp(connectionString).StartedAsync())
        {
            await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(a)), count => count == 2, "two active silos");
            sku = await ApiCalls.Product(a.Ops, "uk-north", 20);
            for (var i = 0; i < 8; i++)
            {
                orders.Add(ApiCalls.Text((await ApiCalls.PlaceOrder(a.CreateClient(), sku, 1))["id"]));
            }
        }

        // A is gone: B answers for every order (their grains reactivate on B from storage) and takes new ones.
        var opsB = b.Ops;
        await ApiCalls.Eventually(() => Task.FromResult(ActiveSilos(b)), count => count == 1, "node B alone in the cluster");
        foreach (var id in orders)
        {
            var order = await ApiCalls.Eventually(() => ApiCalls.Order(opsB, id), _ => true, $"order {id} through node B");
            Assert.Equal("Reserved", ApiCalls.Text(order["status"]));
        }

        using (var cancelled = await opsB.PostAsJsonAsync($"/api/orders/{orders[0]}/cancel", new { reason = "node A went away" }))
        {
            await ApiCalls.Ok(cancelled);
        }

        var next = await ApiCalls.PlaceOrder(b.CreateClient(), sku, 1);
        Assert.Equal("Reserved", ApiCalls.Text(next["status"]));
        var stock = await ApiCalls.Stock(opsB, "uk-north", sku);
        Assert.Equal(8, ApiCalls.Number(stock["reserved"]));
    }

    private static int ActiveSilos(PostgresApp app) =>
        app.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}