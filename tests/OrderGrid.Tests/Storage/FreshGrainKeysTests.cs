using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Silo.Storage.GrainState;
using OrderGrid.Telemetry;

using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// The hint that a grain state has no row yet (<see cref="FreshGrainKeys"/>) and the grain storage that follows it,
/// stepped by hand: a fake clock, and a store in memory that answers as the PostgreSQL one does (an insert of a row
/// that exists does nothing and is a conflict) and counts the reads that reached it.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class FreshGrainKeysTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public void A_hint_is_consumed_by_the_first_read_only()
    {
        var keys = Followed(new FakeTimeProvider());
        keys.Add("order", "OG-AAAA-AAAA");

        Assert.False(keys.TryConsume("order", "OG-BBBB-BBBB"));
        Assert.False(keys.TryConsume("outbox", "OG-AAAA-AAAA"));
        Assert.True(keys.TryConsume("order", "OG-AAAA-AAAA"));
        Assert.False(keys.TryConsume("order", "OG-AAAA-AAAA"));
        Assert.Equal(0, keys.Count);
    }

    [Fact]
    public void A_hint_is_dropped_by_a_write_and_expires_after_its_lifetime()
    {
        var clock = new FakeTimeProvider();
        var keys = Followed(clock);
        keys.Add("order", "written");
        keys.Forget("order", "written");
        Assert.False(keys.TryConsume("order", "written"));

        keys.Add("order", "late");
        clock.Advance(FreshGrainKeys.Lifetime - TimeSpan.FromMilliseconds(1));
        keys.Add("order", "later");
        Assert.Equal(2, keys.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(keys.TryConsume("order", "late"));
        Assert.Equal(1, keys.Count);
        Assert.True(keys.TryConsume("order", "later"));
    }

    [Fact]
    public void A_hint_given_again_lives_from_the_second_time_and_the_count_stays_bounded()
    {
        var clock = new FakeTimeProvider();
        var keys = Followed(clock);
        keys.Add("order", "again");
        clock.Advance(FreshGrainKeys.Lifetime / 2);
        keys.Add("order", "again");
        clock.Advance(FreshGrainKeys.Lifetime / 2);
        Assert.True(keys.TryConsume("order", "again"));

        for (var i = 0; i < FreshGrainKeys.Capacity + 10; i++)
        {
            keys.Add("order", $"k-{i}");
        }

        Assert.True(keys.Count <= FreshGrainKeys.Capacity);
        Assert.False(keys.TryConsume("order", $"k-{FreshGrainKeys.Capacity + 5}"));
        clock.Advance(FreshGrainKeys.Lifetime);
        keys.Add("order", "after");
        Assert.Equal(1, keys.Count);
    }

    [Fact]
    public void Nothing_is_kept_until_a_storage_follows_the_hints()
    {
        var keys = new FreshGrainKeys(new FakeTimeProvider());
        keys.NewOrder("OG-AAAA-AAAA", GuestCustomers.For("OG-AAAA-AAAA"));
        Assert.Equal(0, keys.Count);
        Assert.False(keys.TryConsume("order", "OG-AAAA-AAAA"));
    }

    [Fact]
    public void A_new_order_hints_its_order_its_outbox_and_its_own_guest_only()
    {
        var keys = Followed(new FakeTimeProvider());
        keys.NewOrder("OG-AAAA-AAAA", GuestCustomers.For("OG-AAAA-AAAA"));
        keys.NewOrder("OG-BBBB-BBBB", "alice");

        Assert.True(keys.TryConsume(GrainStateNames.Order, "OG-AAAA-AAAA"));
        Assert.True(keys.TryConsume(GrainStateNames.NotificationOutbox, "OG-AAAA-AAAA"));
        Assert.True(keys.TryConsume(GrainStateNames.Customer, "guest-OG-AAAA-AAAA"));
        Assert.True(keys.TryConsume(GrainStateNames.Order, "OG-BBBB-BBBB"));
        Assert.False(keys.TryConsume(GrainStateNames.Customer, "alice"));
        Assert.Equal(1, keys.Count);
    }

    [Fact]
    public async Task The_storage_answers_a_hinted_state_empty_without_a_read_once_and_counts_it_apart()
    {
        var keys = Followed(new FakeTimeProvider());
        var store = new MemoryStore();
        var storage = Storage(store, keys);
        using var counted = new SkippedReads();
        keys.Add("cart", "new");

        var first = State("left over");
        first.ETag = "7";
        first.RecordExists = true;
        await storage.ReadStateAsync("cart", Grain("new"), first);
        Assert.Equal(0, store.Reads);
        Assert.Null(first.ETag);
        Assert.False(first.RecordExists);
        Assert.Empty(first.State!);
        Assert.Equal(1, counted.Value);

        // The next activation of the same key reads.
        await storage.ReadStateAsync("cart", Grain("new"), State());
        Assert.Equal(1, store.Reads);
        Assert.Equal(1, counted.Value);
    }

    [Fact]
    public async Task A_write_drops_the_hint_so_a_later_activation_reads_what_was_written()
    {
        var keys = Followed(new FakeTimeProvider());
        var store = new MemoryStore();
        var storage = Storage(store, keys);
        keys.Add("cart", "c-1");

        // Written without reading (as a grain that never activated through this storage could).
        await storage.WriteStateAsync("cart", Grain("c-1"), State("apple"));
        var read = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), read);

        Assert.Equal(1, store.Reads);
        Assert.Equal(["apple"], read.State!);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task A_wrong_hint_loses_nothing_the_first_write_conflicts_and_the_row_is_kept()
    {
        var keys = Followed(new FakeTimeProvider());
        var store = new MemoryStore();
        var storage = Storage(store, keys);
        var stored = State("kept");
        await storage.WriteStateAsync("cart", Grain("c-1"), stored);
        await storage.WriteStateAsync("cart", Grain("c-1"), stored);
        keys.Add("cart", "c-1");

        var fooled = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), fooled);
        Assert.False(fooled.RecordExists);
        fooled.State!.Add("would overwrite");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", Grain("c-1"), fooled));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("cart", Grain("c-1"), fooled));

        var again = State();
        await storage.ReadStateAsync("cart", Grain("c-1"), again);
        Assert.Equal(["kept"], again.State!);
        Assert.Equal("2", again.ETag);
    }

    internal static FreshGrainKeys Followed(TimeProvider clock)
    {
        var keys = new FreshGrainKeys(clock);
        keys.Follow();
        return keys;
    }

    private static PostgresGrainStorage Storage(IGrainStateStore store, FreshGrainKeys keys) => new(
        "test",
        "service",
        new GrainStateReader(store),
        new GrainStateWriter(store),
        new OrleansGrainStorageSerializer(Services.GetRequiredService<Serializer>()),
        Services.GetRequiredService<IActivatorProvider>(),
        keys);

    private static GrainId Grain(string key) => GrainId.Create("cart", key);

    private static GrainState<List<string>> State(params string[] items) => new([.. items]);

    /// <summary>The store's rules in memory: an insert of a row that exists and an update of another version change nothing.</summary>
    private sealed class MemoryStore : IGrainStateStore
    {
        private readonly Dictionary<GrainStateKey, StoredGrainState> rows = [];

        public int Reads { get; private set; }

        public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
        {
            lock (rows)
            {
                Reads++;
                return Task.FromResult(rows.GetValueOrDefault(key));
            }
        }

        public Task<IReadOnlyList<int?>> CommitAsync(IReadOnlyList<GrainStateChange> changes, CancellationToken cancellationToken = default)
        {
            lock (rows)
            {
                var versions = new List<int?>();
                foreach (var change in changes)
                {
                    var existing = rows.GetValueOrDefault(change.Key);
                    int? version = change.ExpectedVersion is null
                        ? existing is null ? 1 : null
                        : existing?.Version == change.ExpectedVersion ? existing.Version + 1 : null;
                    if (version is { } v)
                    {
                        rows[change.Key] = new StoredGrainState(change.Payload, v);
                    }

                    versions.Add(version);
                }

                return Task.FromResult<IReadOnlyList<int?>>(versions);
            }
        }
    }

    /// <summary>The <c>ordergrid.storage.reads.skipped</c> counted on this test's flow only.</summary>
    private sealed class SkippedReads : IDisposable
    {
        private readonly AsyncLocal<bool> mine = new();
        private readonly MeterListener listener = new();
        private long value;

        public SkippedReads()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OrderGridTelemetry.Name && instrument.Name == "ordergrid.storage.reads.skipped")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, measurement, _, _) =>
            {
                if (mine.Value)
                {
                    Interlocked.Add(ref value, measurement);
                }
            });
            listener.Start();
            mine.Value = true;
        }

        public long Value => Interlocked.Read(ref value);

        public void Dispose() => listener.Dispose();
    }
}