
using Xunit.Abstractions;

namespace OrderGrid.Tests.Faults;

/// <summary>
/// Two silo processes on one database form a cluster; one is killed (SIGKILL) in the middle of an order load through
/// both, then started again. Every acknowledged order survives with its reservation, nothing is oversold, the stock
/// agrees with the orders and the order list catches up with the grains.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(RunsAlone.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_silo_mid_load_and_restarting_it_loses_no_acknowledged_order_and_oversells_nothing()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("silo_kill");
        await using var a = new SiloProcess("a", connectionString);
        await using var b = new SiloProcess("b", connectionString);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await ApiCalls.Eventually(() => ActiveSilos(connectionString), count => count == 2, "two active silos", 60);
        Step("two silos active");

        using var opsA = a.Ops();
        using var opsB = b.Ops();
        var skus = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            skus.Add(await ApiCalls.Product(opsA, OrderTraffic.Warehouse, 5_000));
        }

        var traffic = new OrderTraffic(skus);
        using var stop = new CancellationTokenSource();
        using var clientA = a.Client();
        using var clientB = b.Client();
        var load = traffic.Run([(a.Name, clientA), (b.Name, clientB)], clientsPerNode: 4, stop.Token);
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Attempts.Count(x => x.Acknowledged && x.Node == b.Name)), n => n >= 20, "orders through b before the kill", 60);

        b.Kill();
        Step("b killed");
        var atKill = traffic.Acknowledged;
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Acknowledged - atKill), n => n >= 30, "orders through a after b died", 60);
        Step("orders through a after b died");
        await b.StartAsync();
        await ApiCalls.Eventually(() => ActiveSilos(connectionString), count => count == 2, "b back in the cluster", 60);
        Step("b restarted");
        var atRestart = traffic.Attempts.Count(x => x.Acknowledged && x.Node == b.Name);
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Attempts.Count(x => x.Acknowledged && x.Node == b.Name) - atRestart), n => n >= 20, "orders through b after its restart", 60);
        await stop.CancelAsync();
        await load;
        Step("load stopped");

        // The killed node answered nothing (no connection); the survivor may answer a clean 503 while grains move.
        var failed = traffic.Attempts.Where(x => !x.Acknowledged).ToList();
        Assert.All(failed, x => Assert.True(
            (x.Status == 0 && x.Node == b.Name) || (x.Status == 503 && !string.IsNullOrEmpty(x.RetryAfter) && x.ContentType == "application/problem+json"),
            $"{x.Node} answered {x.Status}: {x.Body}{Environment.NewLine}{a.Log}{Environment.NewLine}{b.Log}"));

        // Each unanswered order is sent again with its key: placed now, or found placed (and finished), never twice.
        var retried = await OrderTraffic.RetryUntilAnswered(clientA, failed);

        var acknowledged = traffic.Attempts.Where(x => x.Acknowledged).ToList();
        Step("retries done");
        var orders = await StockBook.Check(opsA, skus, [.. acknowledged, .. retried]);
        Assert.Equal(traffic.Attempts.Count, orders.Count);
        output.WriteLine(OrderTraffic.Summary(traffic.Attempts));
        foreach (var attempt in acknowledged.Where(x => x.Node == a.Name).Take(50))
        {
            var throughB = await ApiCalls.Order(opsB, attempt.OrderId!);
            Assert.Equal(ApiCalls.Text(orders[attempt.OrderId!]["status"]), ApiCalls.Text(throughB["status"]));
        }

        await StockBook.ReadModelCatchesUp(opsB, skus, orders);
        Step("read model caught up");
    }

    private static async Task<long> ActiveSilos(string connectionString)
    {
        await using var database = PostgresServer.DataSource(connectionString);
        await using var count = database.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}