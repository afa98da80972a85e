using System.Net;
using System.Text.Json.Nodes;

using Xunit.Abstractions;

namespace OrderGrid.Tests.Faults;

/// <summary>
/// PostgreSQL restarts (<c>pg_ctl -m fast stop</c>, then start) while clients place orders: requests during the outage
/// answer a clean 503 with Retry-After, nothing is half-applied, and the service resumes by itself. The test has a
/// server of its own, so that stopping it disturbs no other test.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(RunsAlone.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly string[] Leaks = ["Npgsql", "Exception", "127.0.0.1", "at Orleans", "SQL"];

    [Fact]
    public async Task A_database_restart_under_load_answers_503_with_Retry_After_and_leaves_nothing_half_applied()
    {
        await using var database = await RestartablePostgres.StartAsync();
        await using var app = await new PostgresApp(database.ConnectionString).StartedAsync();
        var ops = app.Ops;
        var health = app.CreateClient();
        var skus = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            skus.Add(await ApiCalls.Product(ops, OrderTraffic.Warehouse, 5_000));
        }

        var traffic = new OrderTraffic(skus);
        using var stop = new CancellationTokenSource();
        var load = traffic.Run([("app", app.CreateClient())], clientsPerNode: 6, stop.Token);
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Acknowledged), n => n >= 20, "orders placed before the restart", 60);

        await database.StopAsync();
        var beforeOutage = traffic.Attempts.Count;
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Attempts.Skip(beforeOutage).Count(a => !a.Acknowledged)), n => n >= 6, "orders failing while the database is down", 60);
        await ApiCalls.Eventually(() => Ready(health), status => status == HttpStatusCode.ServiceUnavailable, "/health/ready unready while the database is down", 30);
        await database.StartAgainAsync();

        var afterRestart = traffic.Acknowledged;
        await ApiCalls.Eventually(() => Task.FromResult(traffic.Acknowledged - afterRestart), n => n >= 20, "orders placed again after the restart, without restarting the app", 60);
        await stop.CancelAsync();
        await load;
        await ApiCalls.Eventually(() => Ready(health), status => status == HttpStatusCode.OK, "/health/ready ready again", 30);

        var failed = traffic.Attempts.Where(a => !a.Acknowledged).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, AnsweredCleanly);

        // The client retries each failed order with its key and body: the order is placed then, or was placed
        // (its unfinished reservation resumed), never twice.
        var retried = await OrderTraffic.RetryUntilAnswered(app.CreateClient(), failed);

        var orders = await StockBook.Check(ops, skus, [.. traffic.Attempts.Where(a => a.Acknowledged), .. retried]);
        Assert.Equal(traffic.Attempts.Count, orders.Count);
        output.WriteLine(OrderTraffic.Summary(traffic.Attempts));
    }

    private static void AnsweredCleanly(OrderAttempt attempt)
    {
        Assert.True(attempt.Status == 503, $"Expected 503 during the outage, got {attempt.Status}: {attempt.Body}");
        Assert.False(string.IsNullOrEmpty(attempt.RetryAfter), $"No Retry-After on {attempt.Body}");
        Assert.Equal("application/problem+json", attempt.ContentType);
        Assert.Equal("service.unavailable", ApiCalls.Text(JsonNode.Parse(attempt.Body)!["code"]));
        Assert.DoesNotContain(Leaks, leak => attempt.Body.Contains(leak, StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> Ready(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return response.StatusCode;
    }
}