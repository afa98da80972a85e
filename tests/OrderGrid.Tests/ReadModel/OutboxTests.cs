using System.Text.Json.Nodes;

namespace OrderGrid.Tests.ReadModel;

/// <summary>
/// Failures between the state write and the publish: the first deliveries fail (an extra consumer refuses them), the
/// orders keep the changes in their outboxes and retry, and the read model ends up agreeing with the grains, with
/// nothing lost and nothing applied twice.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class OutboxTests(ReadModelHost host) : IClassFixture<ReadModelHost>
{
    [Fact]
    public async Task Failed_deliveries_are_retried_until_the_read_model_agrees_with_the_orders()
    {
        var plenty = await ApiCalls.Product(host.Ops, "uk-north", 1000, unitPrice: 4.25m);
        var other = await ApiCalls.Product(host.Ops, "uk-north", 1000, unitPrice: 10m);
        var scarce = await ApiCalls.Product(host.Ops, "uk-south", 0, unitPrice: 7m);
        var skus = new[] { plenty, other, scarce };

        var placed = new List<(string Id, int Plenty, int Other, int Scarce)>();
        for (var i = 0; i < 8; i++)
        {
            var order = await host.Place(ApiCalls.Unique("outbox"), (plenty, 1 + i), (other, 2));
            placed.Add((ApiCalls.Text(order["id"]), 1 + i, 2, 0));
        }

        var backordered = ApiCalls.Text((await host.Place(ApiCalls.Unique("outbox"), (scarce, 3)))["id"]);
        placed.Add((backordered, 0, 0, 3));

        await host.Cancel(placed[0].Id);
        await host.Cancel(placed[1].Id);
        await host.Ship(placed[2].Id);
        await host.Ship(placed[3].Id);
        using (var received = await host.Ops.PostAsync(
            new Uri($"/api/stock/uk-north/{scarce}/receipts", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { quantity = 10, reason = "delivery" })))
        {
            await ApiCalls.Ok(received);
        }

        // The backordered order hears of the stock one way; then every order must have reached the read model.
        await ApiCalls.Eventually(() => ApiCalls.Order(host.Ops, backordered), o => ApiCalls.Text(o["status"]) == "Reserved", "the backorder filled");
        var ids = placed.Select(p => p.Id).ToArray();
        await ApiCalls.Eventually(() => Disagreements(ids), d => d.Count == 0, "the read model agreeing with every order", seconds: 30);

        Assert.Equal(ReadModelHost.InjectedFailures, host.Failing.Failed);
        Assert.True(host.Failing.Delivered > 0);
        Assert.Equal(placed.Count, await host.Scalar("SELECT count(*) FROM orders WHERE id = ANY($1)", (object)ids));

        // Demand once per order, whatever was redelivered; cancellations take back exactly what they had added.
        Assert.Equal(placed.Sum(p => p.Plenty), await host.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = $1 AND source = 'live'", plenty));
        Assert.Equal(placed.Sum(p => p.Other), await host.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = $1 AND source = 'live'", other));
        Assert.Equal(3, await host.Scalar("SELECT sum(quantity) FROM daily_sales WHERE sku = $1 AND source = 'live'", scarce));
        Assert.Equal(placed[0].Plenty + placed[1].Plenty, await host.Scalar("SELECT sum(cancelled_quantity) FROM daily_sales WHERE sku = $1", plenty));
        Assert.Equal(8, await host.Scalar("SELECT sum(order_count) FROM daily_sales WHERE sku = $1", plenty));
        Assert.Equal(
            placed.Sum(p => (p.Plenty * 4.25m) + (p.Other * 10m) + (p.Scarce * 7m)),
            await Revenue(skus));
        Assert.Equal(2, await host.Scalar("SELECT count(*) FROM shipments WHERE order_id = ANY($1)", (object)ids));
        Assert.Equal(0, await host.Scalar("SELECT count(*) FROM order_lines WHERE order_id = ANY($1) AND order_version <> (SELECT version FROM orders WHERE id = order_id)", (object)ids));
    }

    /// <summary>Every way the read model differs from the orders' own answers (status, version, timeline length).</summary>
    private async Task<List<string>> Disagreements(string[] ids)
    {
        var differences = new List<string>();
        foreach (var id in ids)
        {
            var order = await ApiCalls.Order(host.Ops, id);
            var status = ApiCalls.Text(order["status"]);
            var version = order["version"]!.GetValue<long>();
            var timeline = ((JsonArray)order["timeline"]!).Count;
            var row = await host.Scalar("SELECT version FROM orders WHERE id = $1 AND status = $2", id, status);
            var entries = await host.Scalar("SELECT count(*) FROM order_timeline WHERE order_id = $1", id);
            if (row != version || entries != timeline)
            {
                differences.Add($"{id}: order {status} v{version} with {timeline} entries, read model v{row} with {entries}");
            }
        }

        return differences;
    }

    private async Task<decimal> Revenue(string[] skus)
    {
        await using var command = host.Database.CreateCommand("SELECT coalesce(sum(revenue), 0) FROM daily_sales WHERE sku = ANY($1) AND source = 'live'");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = skus });
        return (decimal)(await command.ExecuteScalarAsync())!;
    }
}