using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using OrderGrid.Common;
using OrderGrid.Silo.Migrations;
using OrderGrid.Silo.Storage.GrainState;
using OrderGrid.Telemetry;

using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// OrderGrid's grain storage on the real PostgreSQL the tests start, stepped by hand as <c>GroupCommitTests</c> steps
/// the stock grain: each batch the writer sends waits at a gate until the test lets it through to the database, so
/// the test decides what is in flight and what arrives meanwhile. A batch is one <c>NpgsqlBatch</c>, so one transaction:
/// the failing batch shows it (the good write beside the failing one is not stored).
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class GrainStorageTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public async Task A_write_is_read_back_by_a_new_activation_and_a_clear_leaves_no_state_and_a_new_version()
    {
        var (storage, _) = await Start("grain_rw");
        var first = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), first);
        Assert.False(first.RecordExists);
        Assert.Null(first.ETag);
        Assert.Empty(first.State!);

        first.State!.Add("apple");
        await storage.WriteStateAsync("cart", Grain("c-1"), first);
        first.State!.Add("pear");
        await storage.WriteStateAsync("cart", Grain("c-1"), first);
        Assert.Equal("2", first.ETag);

        var again = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), again);
        Assert.True(again.RecordExists);
        Assert.Equal("2", again.ETag);
        Assert.Equal(["apple", "pear"], again.State!);

        // Another state name or another key is another row.
        var other = State();
        await storage.ReadStateAsync("order", Grain("c-1"), other);
        Assert.False(other.RecordExists);

        await storage.ClearStateAsync("cart", Grain("c-1"), again);
        Assert.Equal("3", again.ETag);
        Assert.False(again.RecordExists);
        Assert.Empty(again.State!);
        var cleared = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), cleared);
        Assert.False(cleared.RecordExists);
        Assert.Equal("3", cleared.ETag);
        Assert.Empty(cleared.State!);

        // Written again on top of the clear.
        cleared.State!.Add("plum");
        await storage.WriteStateAsync("cart", Grain("c-1"), cleared);
        Assert.Equal("4", cleared.ETag);
    }

    [Fact]
    public async Task Each_read_is_counted_with_whether_the_grain_had_state()
    {
        var (storage, _) = await Start("grain_reads");
        var written = State("apple");
        await storage.WriteStateAsync("cart", Grain("c-1"), written);

        // Only this test's reads: the listener sees every test's, but the marker flows with this test's calls only.
        var mine = new AsyncLocal<bool>();
        var found = new List<bool>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OrderGridTelemetry.Name && instrument.Name == "ordergrid.storage.reads")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (mine.Value)
            {
                lock (found)
                {
                    found.Add(value == 1 && tags.ToArray().Single(t => t.Key == "found").Value is true);
                }
            }
        });
        listener.Start();

        mine.Value = true;
        await storage.ReadStateAsync("cart", Grain("c-1"), State());
        await storage.ReadStateAsync("cart", Grain("new"), State());
        mine.Value = false;

        Assert.Equal([true, false], found);
    }

    [Fact]
    public async Task A_stale_etag_is_a_conflict_of_that_grain_and_the_stored_state_is_kept()
    {
        var (storage, _) = await Start("grain_etag");
        var mine = State("a");
        await storage.WriteStateAsync("cart", Grain("c-1"), mine);
        var stale = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), stale);
        mine.State!.Add("b");
        await storage.WriteStateAsync("cart", Grain("c-1"), mine);

        stale.State!.Add("x");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", Grain("c-1"), stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("cart", Grain("c-1"), stale));
        // A second activation that never read must not overwrite the row either.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", Grain("c-1"), State("y")));

        var read = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), read);
        Assert.Equal(["a", "b"], read.State!);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_hint_that_a_stored_grain_is_new_skips_its_read_and_its_first_write_conflicts_instead_of_overwriting()
    {
        var keys = FreshGrainKeysTests.Followed(TimeProvider.System);
        var (storage, _) = await Start("grain_fresh", keys);
        await storage.WriteStateAsync("cart", Grain("c-1"), State("kept"));
        keys.Add("cart", "c-1");

        var fooled = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), fooled);
        Assert.Null(fooled.ETag);
        fooled.State!.Add("lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", Grain("c-1"), fooled));

        var read = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), read);
        Assert.Equal(["kept"], read.State!);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Writes_that_arrive_while_a_batch_runs_ride_the_next_batch_together()
    {
        var (storage, gate) = await Start("grain_batch");
        gate.Hold = true;

        var lone = storage.WriteStateAsync("cart", Grain("c-0"), State("lone"));
        await gate.Arrived(1);
        // The lone write went at once, alone: no timer, no waiting for company.
        Assert.Equal([1], gate.Sizes);

        var writes = Enumerable.Range(1, 5).Select(i => storage.WriteStateAsync("cart", Grain($"c-{i}"), State($"v{i}"))).ToList();
        await Task.Delay(50);
        Assert.Equal([1], gate.Sizes);
        Assert.False(lone.IsCompleted);

        gate.Release();
        await lone;
        await gate.Arrived(2);
        Assert.Equal([1, 5], gate.Sizes);
        Assert.All(writes, write => Assert.False(write.IsCompleted));

        gate.Release();
        await Task.WhenAll(writes);
        for (var i = 0; i <= 5; i++)
        {
            var read = State();
            await storage.ReadStateAsync("cart", Grain($"c-{i}"), read);
            Assert.Equal([i == 0 ? "lone" : $"v{i}"], read.State!);
        }
    }

    [Fact]
    public async Task Reads_that_arrive_while_a_read_runs_share_the_next_round_trip_and_each_gets_its_own_grains_state()
    {
        var (storage, gate) = await Start("grain_read_batch");
        for (var i = 1; i <= 3; i++)
        {
            var written = State($"v{i}");
            for (var w = 0; w < i; w++)
            {
                await storage.WriteStateAsync("cart", Grain($"c-{i}"), written);
            }
        }

        gate.Reads.Hold = true;
        var lone = State();
        var loneRead = storage.ReadStateAsync("cart", Grain("c-0"), lone);
        await gate.Reads.Arrived(1);
        // The lone read went at once, alone: no timer, no waiting for company.
        Assert.Equal([1], gate.Reads.Sizes);

        // Three stored grains, one never written, and a stored grain's key under another state name (another row).
        var keys = new[] { ("cart", "c-3"), ("cart", "c-1"), ("cart", "c-9"), ("order", "c-2"), ("cart", "c-2") };
        var states = keys.Select(_ => State()).ToArray();
        var reads = keys.Select((key, i) => storage.ReadStateAsync(key.Item1, Grain(key.Item2), states[i])).ToList();
        await Task.Delay(50);
        Assert.Equal([1], gate.Reads.Sizes);
        Assert.False(loneRead.IsCompleted);

        gate.Reads.Release();
        await loneRead;
        Assert.False(lone.RecordExists);
        await gate.Reads.Arrived(2);
        Assert.Equal([1, 5], gate.Reads.Sizes);
        Assert.All(reads, read => Assert.False(read.IsCompleted));

        gate.Reads.Release();
        await Task.WhenAll(reads);
        Assert.Equal([["v3"], ["v1"], [], [], ["v2"]], states.Select(state => state.State!));
        Assert.Equal(["3", "1", null, null, "2"], states.Select(state => state.ETag));
        Assert.Equal([true, true, false, false, true], states.Select(state => state.RecordExists));
    }

    [Fact]
    public async Task A_failed_read_round_trip_fails_exactly_its_readers_and_the_next_one_reads()
    {
        var (storage, gate) = await Start("grain_read_fail");
        await storage.WriteStateAsync("cart", Grain("c-1"), State("1"));
        gate.Reads.Hold = true;
        var blocker = storage.ReadStateAsync("cart", Grain("c-0"), State());
        await gate.Reads.Arrived(1);
        var failing = new[] { storage.ReadStateAsync("cart", Grain("c-1"), State()), storage.ReadStateAsync("cart", Grain("c-2"), State()) };
        gate.Reads.Release();
        await blocker;
        await gate.Reads.Arrived(2);
        var later = State();
        var laterRead = storage.ReadStateAsync("cart", Grain("c-1"), later);
        gate.Reads.FailNext = new TimeoutException("the database did not answer");
        gate.Reads.Release();
        await gate.Reads.Arrived(3);
        gate.Reads.Release();

        foreach (var read in failing)
        {
            Assert.Equal("the database did not answer", (await Assert.ThrowsAsync<TimeoutException>(() => read)).Message);
        }

        await laterRead;
        Assert.Equal([1, 2, 1], gate.Reads.Sizes);
        Assert.Equal(["1"], later.State!);
    }

    [Fact]
    public async Task A_conflict_in_a_batch_fails_only_its_grain_and_the_others_commit()
    {
        var (storage, gate) = await Start("grain_conflict");
        var known = State("first");
        await storage.WriteStateAsync("cart", Grain("c-2"), known);
        var stale = State();
        await storage.ReadStateAsync("cart", Grain("c-2"), stale);
        await storage.WriteStateAsync("cart", Grain("c-2"), known);

        gate.Hold = true;
        var blocker = storage.WriteStateAsync("cart", Grain("c-0"), State("0"));
        await gate.Arrived(1);
        stale.State!.Add("lost");
        var before = storage.WriteStateAsync("cart", Grain("c-1"), State("1"));
        var conflicting = storage.WriteStateAsync("cart", Grain("c-2"), stale);
        var after = storage.WriteStateAsync("cart", Grain("c-3"), State("3"));
        gate.Release();
        await gate.Arrived(2);
        gate.Release();

        await Task.WhenAll(blocker, before, after);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal([1, 3], gate.Sizes);
        foreach (var (key, expected) in new[] { ("c-1", "1"), ("c-2", "first"), ("c-3", "3") })
        {
            var read = State();
            await storage.ReadStateAsync("cart", Grain(key), read);
            Assert.Equal([expected], read.State!);
        }
    }

    [Fact]
    public async Task A_failed_batch_fails_exactly_its_writers_stores_none_of_them_and_the_next_batch_commits()
    {
        var (storage, gate) = await Start("grain_fail");
        gate.Hold = true;
        var blocker = storage.WriteStateAsync("cart", Grain("c-0"), State("0"));
        await gate.Arrived(1);

        // A key too long for the primary key's index: PostgreSQL refuses that row when the statement runs, after the
        // good write before it in key order has run, and so undoes the whole transaction.
        var tooLong = "z" + string.Concat(Enumerable.Range(0, 600).Select(_ => Guid.NewGuid().ToString("N")));
        var good = storage.WriteStateAsync("cart", Grain("c-1"), State("1"));
        var poison = storage.WriteStateAsync("cart", Grain(tooLong), State("x"));
        gate.Release();
        await blocker;
        await gate.Arrived(2);
        var later = storage.WriteStateAsync("cart", Grain("c-3"), State("3"));
        gate.Release();
        await gate.Arrived(3);
        gate.Release();

        var failure = await Assert.ThrowsAsync<PostgresException>(() => good);
        Assert.Same(failure, await Assert.ThrowsAsync<PostgresException>(() => poison));
        await later;
        Assert.Equal([1, 2, 1], gate.Sizes);
        var read = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), read);
        Assert.False(read.RecordExists);
        await storage.ReadStateAsync("cart", Grain("c-3"), read);
        Assert.Equal(["3"], read.State!);
    }

    [Fact]
    public async Task The_data_source_keeps_connections_unreset_and_prepares_the_storage_statements()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("grain_prepared");
        await using (var plain = PostgresServer.DataSource(connectionString))
        {
            await new Migrator(plain, MigratorScript.Embedded()).MigrateAsync();
        }

        await using var dataSource = PostgresGrainStateStore.CreateDataSource(
            new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 }.ConnectionString, null);
        var storage = Storage(new PostgresGrainStateStore(dataSource), out _);
        var state = State("a");
        for (var i = 0; i < 3; i++)
        {
            await storage.WriteStateAsync("cart", Grain("c-1"), state);
            await storage.ReadStateAsync("cart", Grain("c-1"), state);
        }

        // The one pooled connection, not reset between uses, holds the statements prepared on it.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements", connection);
        var prepared = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                prepared.Add(reader.GetString(0));
            }
        }

        Assert.Contains(prepared, sql => sql.StartsWith("SELECT payload, version FROM ordergrid_grain_state", StringComparison.Ordinal));
        Assert.Contains(prepared, sql => sql.StartsWith("UPDATE ordergrid_grain_state", StringComparison.Ordinal));
    }

    /// <summary>A migrated database of its own and the storage on it (the data source lives as long as the test run).</summary>
    private static async Task<(PostgresGrainStorage Storage, SteppedStore Gate)> Start(string name, FreshGrainKeys? fresh = null)
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync(name);
        await using (var dataSource = PostgresServer.DataSource(connectionString))
        {
            await new Migrator(dataSource, MigratorScript.Embedded()).MigrateAsync();
        }

        var storage = Storage(new PostgresGrainStateStore(PostgresGrainStateStore.CreateDataSource(connectionString, null)), out var gate, fresh);
        return (storage, gate);
    }

    private static PostgresGrainStorage Storage(IGrainStateStore store, out SteppedStore gate, FreshGrainKeys? fresh = null)
    {
        gate = new SteppedStore(store);
        return new PostgresGrainStorage(
            "test",
            "service",
            new GrainStateReader(gate),
            new GrainStateWriter(gate),
            new OrleansGrainStorageSerializer(Services.GetRequiredService<Serializer>()),
            Services.GetRequiredService<IActivatorProvider>(),
            fresh);
    }

    private static GrainId Grain(string key) => GrainId.Create("cart", key);

    private static GrainState<List<string>> State(params string[] items) => new([.. items]);

    /// <summary>
    /// The real store behind two gates, one for commits and one for reads: while a gate's <see cref="Gate.Hold"/> is
    /// on, each batch waits for <see cref="Gate.Release"/>. <see cref="Hold"/>, <see cref="Sizes"/>,
    /// <see cref="Arrived"/> and <see cref="Release"/> are the commits' gate.
    /// </summary>
    private sealed class SteppedStore(IGrainStateStore inner) : IGrainStateStore
    {
        public Gate Commits { get; } = new();

        public Gate Reads { get; } = new();

        public bool Hold { get => Commits.Hold; set => Commits.Hold = value; }

        public List<int> Sizes => Commits.Sizes;

        public Task Arrived(int count) => Commits.Arrived(count);

        public void Release() => Commits.Release();

        public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

        public async Task<IReadOnlyList<StoredGrainState?>> ReadManyAsync(IReadOnlyList<GrainStateKey> keys, CancellationToken cancellationToken = default)
        {
            await Reads.Pass(keys.Count);
            return await inner.ReadManyAsync(keys, cancellationToken);
        }

        public async Task<IReadOnlyList<int?>> CommitAsync(IReadOnlyList<GrainStateChange> changes, CancellationToken cancellationToken = default)
        {
            await Commits.Pass(changes.Count);
            return await inner.CommitAsync(changes, cancellationToken);
        }
    }

    /// <summary>Where batches wait while <see cref="Hold"/> is on, each for its own <see cref="Release"/>.</summary>
    private sealed class Gate
    {
        private readonly Lock sync = new();
        private readonly Queue<TaskCompletionSource> waiting = new();
        private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Hold { get; set; }

        /// <summary>The size of each batch that reached the gate while it held.</summary>
        public List<int> Sizes { get; } = [];

        /// <summary>The failure the next released batch gets instead of going through (then the gate is clean again).</summary>
        public Exception? FailNext { get; set; }

        public async Task Pass(int size)
        {
            if (!Hold)
            {
                return;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (sync)
            {
                Sizes.Add(size);
                waiting.Enqueue(turn);
                arrived.TrySetResult();
            }

            await turn.Task;
        }

        /// <summary>Completes when <paramref name="count"/> batches have reached the gate.</summary>
        public async Task Arrived(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                Task signal;
                lock (sync)
                {
                    if (Sizes.Count >= count)
                    {
                        return;
                    }

                    if (arrived.Task.IsCompleted)
                    {
                        arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    signal = arrived.Task;
                }

                await signal.WaitAsync(timeout.Token);
            }
        }

        /// <summary>Lets the oldest waiting batch through to the database (or fails it with <see cref="FailNext"/>).</summary>
        public void Release()
        {
            lock (sync)
            {
                var turn = waiting.Dequeue();
                if (FailNext is { } failure)
                {
                    FailNext = null;
                    turn.SetException(failure);
                }
                else
                {
                    turn.SetResult();
                }
            }
        }
    }
}