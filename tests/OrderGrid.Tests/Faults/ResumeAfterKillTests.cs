using System.Net.Http.Json;

using Xunit.Abstractions;

namespace OrderGrid.Tests.Faults;

/// <summary>
/// A silo process is killed (SIGKILL) after a cancellation is committed and before the order's stock is released, then
/// started again: the release finishes by itself within seconds of the restart, with nobody reading the order (the
/// silo's sweep of unfinished orders activates it). To stop the release in between, the test holds a row lock on
/// the SKU's stored state, so the stock grain's write waits while the order's own write has gone through.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(RunsAlone.Name)]
public sealed class ResumeAfterKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_cancel_killed_before_its_release_releases_the_stock_within_seconds_of_the_restart_with_nothing_read()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("resume_kill");
        await using var silo = new SiloProcess("a", connectionString);
        await silo.StartAsync();
        using var ops = silo.Ops();
        var sku = await ApiCalls.Product(ops, OrderTraffic.Warehouse, 10);
        using var customer = silo.Client();
        var order = await ApiCalls.PlaceOrder(customer, sku, 3);
        var orderId = ApiCalls.Text(order["id"]);
        Assert.Equal("Reserved", ApiCalls.Text(order["status"]));
        Assert.Equal(3, ApiCalls.Number((await ApiCalls.Stock(ops, OrderTraffic.Warehouse, sku))["reserved"]));

        // Hold the SKU's stored state: its next write (the release) waits on the lock.
        await using var database = PostgresServer.DataSource(connectionString);
        await using var locker = await database.OpenConnectionAsync();
        await using var hold = await locker.BeginTransactionAsync();
        await using (var lockRows = locker.CreateCommand())
        {
            lockRows.Transaction = hold;
            lockRows.CommandText = "SELECT 1 FROM ordergrid_grain_state WHERE grain_key LIKE '%' || $1 || '%' FOR UPDATE";
            lockRows.Parameters.Add(new Npgsql.NpgsqlParameter { Value = sku });
            await using var locked = await lockRows.ExecuteReaderAsync();
            Assert.True(await locked.ReadAsync(), "the SKU's state row exists");
        }

        var cancel = ops.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" });
        await ApiCalls.Eventually(() => WaitingOnLocks(database), n => n >= 1, "the release's write waiting on the held row (the cancel committed)", 30);
        silo.Kill();
        output.WriteLine("killed between the cancel's commit and its release");
        await Assert.ThrowsAnyAsync<Exception>(() => cancel);
        await hold.RollbackAsync();

        await silo.StartAsync();
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        using var opsAgain = silo.Ops();
        await ApiCalls.Eventually(
            async () => ApiCalls.Number((await ApiCalls.Stock(opsAgain, OrderTraffic.Warehouse, sku))["reserved"]),
            reserved => reserved == 0,
            "the stock released without the order being read",
            10);
        output.WriteLine($"released {restarted.Elapsed.TotalSeconds:0.0} s after the silo was ready again");

        // Only now is the order read: cancelled, with the release on its timeline.
        var after = await ApiCalls.Order(opsAgain, orderId);
        Assert.Equal("Cancelled", ApiCalls.Text(after["status"]));
        Assert.Contains(ApiCalls.Array(after["timeline"]), e => ApiCalls.Text(e!["kind"]) == "stock.released");
    }

    private static async Task<long> WaitingOnLocks(Npgsql.NpgsqlDataSource database)
    {
        await using var count = database.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}