using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Npgsql;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// Everything acknowledged through the API survives a stop of the whole host: a new host on the same database
/// (External mode, OrderGrid's grain storage) answers the same orders, reservations and stock levels.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class DurabilityTests
{
    [Fact]
    public async Task Orders_reservations_and_stock_survive_a_restart_of_the_whole_host()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("durability");
        var orders = new List<string>();
        string plenty, scarce;
        var before = new Dictionary<string, string>();
        var timelines = new Dictionary<string, string[]>();

        await using (var first = await new PostgresApp(connectionString).StartedAsync())
        {
            var ops = first.Ops;
            var customer = first.CreateClient();
            plenty = await ApiCalls.Product(ops, "uk-north", 100);
            scarce = await ApiCalls.Product(ops, "uk-south", 3);
            for (var i = 0; i < 4; i++)
            {
                orders.Add(ApiCalls.Text((await ApiCalls.PlaceOrder(customer, plenty, 5))["id"]));
            }

            // 3 on hand: the first order reserves 2, the second gets 1 and a backorder of 1.
            orders.Add(ApiCalls.Text((await ApiCalls.PlaceOrder(customer, scarce, 2))["id"]));
            orders.Add(ApiCalls.Text((await ApiCalls.PlaceOrder(customer, scarce, 2))["id"]));
            using (var cancelled = await ops.PostAsJsonAsync($"/api/orders/{orders[0]}/cancel", new { reason = "customer changed their mind" }))
            {
                await ApiCalls.Ok(cancelled);
            }

            foreach (var id in orders)
            {
                var order = await ApiCalls.Order(ops, id);
                before[id] = Facts(order);
                timelines[id] = Timeline(order);
            }

            before["stock plenty"] = (await ApiCalls.Stock(ops, "uk-north", plenty)).ToJsonString();
            before["stock scarce"] = (await ApiCalls.Stock(ops, "uk-south", scarce)).ToJsonString();
            Assert.Equal(15, ApiCalls.Number((await ApiCalls.Stock(ops, "uk-north", plenty))["reserved"]));
            Assert.StartsWith("Backordered;", before[orders[5]], StringComparison.Ordinal);
        }

        await using var second = await new PostgresApp(connectionString).StartedAsync();
        var ops2 = second.Ops;
        foreach (var id in orders)
        {
            var order = await ApiCalls.Order(ops2, id);
            var after = Facts(order);
            Assert.Equal(timelines[id], Timeline(order).Take(timelines[id].Length));
            Assert.True(before[id] == after, $"Order {id} changed across the restart.{Environment.NewLine}before: {before[id]}{Environment.NewLine}after:  {after}");
        }

        Assert.Equal(before["stock plenty"], (await ApiCalls.Stock(ops2, "uk-north", plenty)).ToJsonString());
        Assert.Equal(before["stock scarce"], (await ApiCalls.Stock(ops2, "uk-south", scarce)).ToJsonString());

        // And the new host carries on from there: the cancelled order's stock is available to a new order.
        var next = await ApiCalls.PlaceOrder(second.CreateClient(), plenty, 85);
        Assert.Equal("Reserved", ApiCalls.Text(next["status"]));
    }

    [Fact]
    public async Task State_the_AdoNet_provider_stored_is_carried_over_to_the_grain_state_table_by_its_migration()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("carry_over");
        var orders = new List<string>();
        var before = new Dictionary<string, string>();
        string sku;
        await using (var old = await new PostgresApp(connectionString, ("OrderGrid:Storage:GrainStorage", "AdoNet")).StartedAsync())
        {
            var ops = old.Ops;
            sku = await ApiCalls.Product(ops, "uk-north", 10);
            for (var i = 0; i < 3; i++)
            {
                orders.Add(ApiCalls.Text((await ApiCalls.PlaceOrder(old.CreateClient(), sku, 3))["id"]));
            }

            foreach (var id in orders)
            {
                before[id] = Facts(await ApiCalls.Order(ops, id));
            }

            before["stock"] = (await ApiCalls.Stock(ops, "uk-north", sku)).ToJsonString();
        }

        // Now the database is one from before this build: state only in OrleansStorage, migrations 0006 and 0008 (which
        // adds the wake-up time to the grain state's rows) not applied.
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var reset = dataSource.CreateCommand("DROP TABLE ordergrid_grain_state; DROP TABLE ordergrid_due_work; DELETE FROM ordergrid_schema_version WHERE version IN (6, 8)"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        await using var upgraded = await new PostgresApp(connectionString).StartedAsync();
        var ops2 = upgraded.Ops;
        foreach (var id in orders)
        {
            Assert.Equal(before[id], Facts(await ApiCalls.Order(ops2, id)));
        }

        Assert.Equal(before["stock"], (await ApiCalls.Stock(ops2, "uk-north", sku)).ToJsonString());
        // The carried-over versions are the ETags the grains now write on top of: 1 unit left, then none.
        Assert.Equal("Reserved", ApiCalls.Text((await ApiCalls.PlaceOrder(upgraded.CreateClient(), sku, 1))["status"]));
        Assert.Equal("Backordered", ApiCalls.Text((await ApiCalls.PlaceOrder(upgraded.CreateClient(), sku, 1))["status"]));
    }

    [Fact]
    public async Task A_reminder_stored_before_a_restart_fires_after_it()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("reminders");
        // Due after both hosts have changed over even on a loaded machine: a first tick missed while no host runs waits for the hourly one.
        var completeSoon = ("OrderGrid:Fulfilment:CompleteAfter", "00:00:20");
        string orderId;
        await using (var first = await new PostgresApp(connectionString, completeSoon).StartedAsync())
        {
            var ops = first.Ops;
            var sku = await ApiCalls.Product(ops, "uk-north", 5);
            orderId = ApiCalls.Text((await ApiCalls.PlaceOrder(first.CreateClient(), sku, 1))["id"]);
            using (var issued = await ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null))
            {
                Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
            }

            var pickList = $"{orderId}-P1";
            foreach (var step in new[] { "picked", "packed" })
            {
                using var done = await ops.PostAsync(new Uri($"/api/pick-lists/{pickList}/{step}", UriKind.Relative), content: null);
                await ApiCalls.Ok(done);
            }

            string shipmentId;
            using (var shipped = await ops.PostAsJsonAsync($"/api/pick-lists/{pickList}/ship", new { carrier = "DHL" }))
            {
                shipmentId = ApiCalls.Text((await ApiCalls.Ok(shipped))["shipmentId"]);
            }

            foreach (var status in new[] { "InTransit", "OutForDelivery", "Delivered" })
            {
                using var tracked = await ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status });
                Assert.True(tracked.IsSuccessStatusCode, await tracked.Content.ReadAsStringAsync());
            }

            await ApiCalls.Eventually(() => ApiCalls.Order(ops, orderId), order => ApiCalls.Text(order["status"]) == "Delivered", "the order delivered");
            Assert.Equal(1L, await Scalar(connectionString, "SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'complete'"));
        }

        // The host that registered the reminder is gone before it is due; the new one loads it from the table and fires it.
        await using var second = await new PostgresApp(connectionString, completeSoon).StartedAsync();
        await ApiCalls.Eventually(() => ApiCalls.Order(second.Ops, orderId), order => ApiCalls.Text(order["status"]) == "Completed", "the order completed by its reminder", seconds: 240);
        await ApiCalls.Eventually(() => Scalar(connectionString, "SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'complete'"), count => Equals(count, 0L), "the reminder unregistered");
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    // What was acknowledged: status, total, per line the reserved and backordered quantities and every non-empty
    // allocation, the holds, and the timeline (sequence, kind, time). A reactivated backordered order re-checks
    // stock and may add entries after these; it must not change or lose any of them.
    private static string Facts(JsonObject order)
    {
        var lines = ApiCalls.Array(order["lines"]).Select(line => string.Join(',',
            ApiCalls.Text(line!["sku"]),
            ApiCalls.Number(line["quantity"]),
            ApiCalls.Number(line["reservedQuantity"]),
            ApiCalls.Number(line["backorderedQuantity"]),
            string.Join('+', ApiCalls.Array(line["allocations"])
                .Where(a => ApiCalls.Number(a!["reserved"]) != 0 || ApiCalls.Number(a["backordered"]) != 0)
                .Select(a => $"{ApiCalls.Text(a!["warehouseId"])}:{ApiCalls.Number(a["reserved"])}/{ApiCalls.Number(a["backordered"])}"))));
        var holds = ApiCalls.Array(order["holds"]).Select(hold => ApiCalls.Text(hold!["kind"]));
        return $"{ApiCalls.Text(order["status"])};{order["total"]};{string.Join('|', lines)};{string.Join('|', holds)};{order["placedAt"]}";
    }

    private static string[] Timeline(JsonObject order) =>
        [.. ApiCalls.Array(order["timeline"]).Select(entry => $"{entry!["sequence"]} {entry["kind"]} {entry["at"]}")];

    [Fact]
    public async Task Grain_state_is_stored_under_pinned_names_not_clr_type_names()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("pinned");
        await using (var app = await new PostgresApp(connectionString).StartedAsync())
        {
            var sku = await ApiCalls.Product(app.Ops, "uk-north", 5);
            await ApiCalls.PlaceOrder(app.CreateClient(), sku, 1);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT state_name, payload FROM ordergrid_grain_state WHERE payload IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync();
        var types = new HashSet<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
            var payload = System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(1));
            Assert.DoesNotContain("OrderGrid.", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("System.Private.CoreLib", payload, StringComparison.Ordinal);
        }

        Assert.Contains("order", types);
        Assert.Contains("stock", types);
        Assert.All(types, type => Assert.DoesNotContain('.', type));
    }
}