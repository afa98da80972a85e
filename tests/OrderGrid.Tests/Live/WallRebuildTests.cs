using System.Net.Http.Json;

namespace OrderGrid.Tests.Live;

/// <summary>The wall keeps nothing of its own: after a restart it starts again from the read model.</summary>
[Trait(Lane.Name, Lane.System)]
public sealed class WallRebuildTests
{
    [Fact]
    public async Task After_a_restart_the_wall_counts_the_orders_placed_before_it()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("wall_rebuild");
        string held;
        await using (var before = await new PostgresApp(connectionString).StartedAsync())
        {
            var ops = before.Ops;
            var cheap = await ApiCalls.Product(ops, "uk-north", 10);
            var dear = await ApiCalls.Product(ops, "uk-north", 10, unitPrice: 9_000m);
            var cancelled = ApiCalls.Text((await ApiCalls.PlaceOrder(before.CreateClient(), cheap, 1))["id"]);
            await ApiCalls.PlaceOrder(before.CreateClient(), cheap, 2);
            held = ApiCalls.Text((await ApiCalls.PlaceOrder(before.CreateClient(), dear, 1))["id"]);
            using (var response = await ops.PostAsJsonAsync($"/api/orders/{cancelled}/cancel", new { reason = "test" }))
            {
                await ApiCalls.Ok(response);
            }

            // The read model has all three as they are now.
            await ApiCalls.Eventually(() => ApiCalls.Get(ops, "/api/orders?status=Cancelled"), list => ApiCalls.Number(list["total"]) == 1, "the cancellation in the read model");
            await ApiCalls.Eventually(() => ApiCalls.Get(ops, "/api/orders"), list => ApiCalls.Number(list["total"]) == 3, "three orders in the read model");
        }

        await using var after = await new PostgresApp(connectionString).StartedAsync();
        var wall = await ApiCalls.Get(after.Ops, "/api/wall");

        Assert.Equal(3, ApiCalls.Number(wall["total"]));
        Assert.Equal(1, ApiCalls.Number(wall["byStatus"]!["Cancelled"]));
        Assert.Equal(1, ApiCalls.Number(wall["byStatus"]!["Reserved"]));
        Assert.Equal(3, ApiCalls.Number(wall["byChannel"]!["web"]));
        Assert.Equal(held, ApiCalls.Text(Assert.Single(ApiCalls.Array(wall["reviewQueue"]))!["orderId"]));
    }
}