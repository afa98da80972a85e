using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using OrderGrid.Stock;

namespace OrderGrid.Tests.HotSku;

/// <summary>
/// One SKU under a crowd, on real PostgreSQL with its default durability: concurrent single-unit reservations
/// share writes, never take more than is on hand, and every acknowledged one is there after a restart.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(RunsAlone.Name)]
public sealed class HotSkuTests
{
    private const int OnHand = 1_000;
    private const int Attempts = 3_000;

    [Fact]
    public async Task Three_thousand_concurrent_attempts_on_a_thousand_units_reserve_exactly_a_thousand_in_shared_writes()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("hotsku");
        string sku;
        Allocation[] answers;
        string[] ids = [.. Enumerable.Range(0, Attempts).Select(i => $"hot-{i:D5}")];

        await using (var app = await new PostgresApp(connectionString).StartedAsync())
        {
            sku = await ApiCalls.Product(app.Ops, "uk-north", OnHand);
            var stock = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ISkuStockGrain>(StockKey.For("uk-north", sku));
            var writesBefore = await StoredVersion(connectionString, sku);

            answers = await Task.WhenAll(ids.Select(id =>
                stock.Demand(new StockDemand(id, 1, Backorder: false, DateTimeOffset.UtcNow))));

            Assert.Equal(OnHand, answers.Count(a => a.Reserved == 1));
            Assert.Equal(Attempts - OnHand, answers.Count(a => a.Reserved == 0));
            Assert.All(answers, a => Assert.Equal(0, a.Backordered));
            var level = await stock.GetLevel();
            Assert.Equal((OnHand, OnHand, 0), (level.OnHand, level.Reserved, level.Available));

            // A thousand changes, far fewer writes: each write carried the changes that arrived while one ran.
            var writes = await StoredVersion(connectionString, sku) - writesBefore;
            Assert.True(writes * 2 <= OnHand, $"{writes} writes for {OnHand} reservations: the changes were not grouped.");
        }

        // Acknowledged means stored: a new host on the same database holds every reservation that was answered.
        await using var restarted = await new PostgresApp(connectionString).StartedAsync();
        var reloaded = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<ISkuStockGrain>(StockKey.For("uk-north", sku));
        var after = await reloaded.GetLevel();
        Assert.Equal((OnHand, OnHand, 0), (after.OnHand, after.Reserved, after.Available));
        var held = await Task.WhenAll(ids.Where((_, i) => answers[i].Reserved == 1).Select(reloaded.AllocationFor));
        Assert.All(held, h => Assert.Equal(1, h.Reserved));
    }

    /// <summary>The version of the SKU's row in <c>ordergrid_grain_state</c>: PostgreSQL storage raises it by one on every write.</summary>
    private static async Task<int> StoredVersion(string connectionString, string sku)
    {
        await using var dataSource = PostgresServer.DataSource(connectionString);
        await using var command = dataSource.CreateCommand("SELECT version FROM ordergrid_grain_state WHERE grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StockKey.For("uk-north", sku) });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}