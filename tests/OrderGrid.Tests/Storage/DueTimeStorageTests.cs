using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using OrderGrid.Carts;
using OrderGrid.Silo.Migrations;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Silo.Storage.GrainState;

using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// The wake-up time of a grain state on the real PostgreSQL the tests start: OrderGrid's storage writes it into the
/// state's own row by the same statement (a write that does not happen changes neither), and a store opened afresh, as
/// after a restart, finds the grain once the time has passed. The AdoNet mode's table beside the state does the same.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class DueTimeStorageTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly DateTimeOffset Until = new(2026, 12, 1, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_wake_up_time_is_written_with_the_state_and_found_by_a_store_opened_afresh_once_it_has_passed()
    {
        var connectionString = await Database("due_write");
        var storage = Storage(connectionString);
        var cart = new GrainState<CartState>(Holding(Until));
        await storage.WriteStateAsync("cart", GrainId.Create("cart", "c-1"), cart);
        await storage.WriteStateAsync("cart", GrainId.Create("cart", "c-2"), new GrainState<CartState>(new CartState()));

        // As a restarted silo would: a new data source and store on the same database.
        var restarted = new PostgresGrainStateStore(PostgresGrainStateStore.CreateDataSource(connectionString, null), "service");
        var elsewhere = new PostgresGrainStateStore(PostgresGrainStateStore.CreateDataSource(connectionString, null), "another-service");

        Assert.Equal(new DueRow(Until, "cart", 1), await Row(connectionString, "c-1"));
        Assert.Equal(new DueRow(null, "cart", 1), await Row(connectionString, "c-2"));
        Assert.Empty(await restarted.DueAsync(Until.AddSeconds(-1), 10));
        Assert.Equal([new DueGrain("cart", "c-1")], await restarted.DueAsync(Until, 10));
        Assert.Empty(await elsewhere.DueAsync(Until, 10));

        cart.State = cart.State! with { ReleasedAt = Until };
        await storage.WriteStateAsync("cart", GrainId.Create("cart", "c-1"), cart);

        Assert.Equal(new DueRow(null, "cart", 2), await Row(connectionString, "c-1"));
        Assert.Empty(await restarted.DueAsync(Until.AddDays(1), 10));
    }

    [Fact]
    public async Task A_write_that_conflicts_changes_neither_the_state_nor_its_wake_up_time_and_a_clear_removes_it()
    {
        var connectionString = await Database("due_conflict");
        var storage = Storage(connectionString);
        var grain = GrainId.Create("cart", "c-1");
        var mine = new GrainState<CartState>(Holding(Until));
        await storage.WriteStateAsync("cart", grain, mine);

        var stale = new GrainState<CartState>(Holding(Until.AddHours(1))) { ETag = "0" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", grain, new GrainState<CartState>(Holding(Until.AddHours(2)))));

        Assert.Equal(new DueRow(Until, "cart", 1), await Row(connectionString, "c-1"));

        await storage.ClearStateAsync("cart", grain, mine);

        Assert.Equal(new DueRow(null, "cart", 2), await Row(connectionString, "c-1"));
    }

    [Fact]
    public async Task The_adonet_modes_table_keeps_one_time_per_grain_until_it_is_cleared()
    {
        var connectionString = await Database("due_table");
        await using var dataSource = PostgresServer.DataSource(connectionString);
        var table = new PostgresDueTable(dataSource, "service");
        var cart = new DueGrain("cart", "c-1");

        await table.SetAsync(cart, Until.AddHours(1));
        await table.SetAsync(cart, Until);
        await table.SetAsync(new DueGrain("webhook", "w-1"), Until.AddMinutes(1));

        Assert.Empty(await table.DueAsync(Until.AddSeconds(-1), 10));
        Assert.Equal([cart], await table.DueAsync(Until, 10));
        Assert.Equal([cart, new DueGrain("webhook", "w-1")], await table.DueAsync(Until.AddMinutes(1), 10));
        Assert.Equal([cart], await table.DueAsync(Until.AddMinutes(1), 1));

        await table.ClearAsync(cart);

        Assert.Equal([new DueGrain("webhook", "w-1")], await table.DueAsync(Until.AddDays(1), 10));
    }

    private static CartState Holding(DateTimeOffset until) => new() { HoldNumber = 1, HeldUntil = until };

    private static async Task<string> Database(string name)
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync(name);
        await using var dataSource = PostgresServer.DataSource(connectionString);
        await new Migrator(dataSource, MigratorScript.Embedded()).MigrateAsync();
        return connectionString;
    }

    private static PostgresGrainStorage Storage(string connectionString)
    {
        var store = new PostgresGrainStateStore(PostgresGrainStateStore.CreateDataSource(connectionString, null), "service");
        return new PostgresGrainStorage(
            "test",
            "service",
            new GrainStateReader(store),
            new GrainStateWriter(store),
            new OrleansGrainStorageSerializer(Services.GetRequiredService<Serializer>()),
            Services.GetRequiredService<IActivatorProvider>());
    }

    private static async Task<DueRow> Row(string connectionString, string key)
    {
        await using var dataSource = PostgresServer.DataSource(connectionString);
        await using var command = dataSource.CreateCommand($"SELECT due_at, grain_type, version FROM {PostgresGrainStateStore.Table} WHERE service_id = 'service' AND grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {key}");
        return new DueRow(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
    }

    private sealed record DueRow(DateTimeOffset? DueAt, string? GrainType, int Version);
}