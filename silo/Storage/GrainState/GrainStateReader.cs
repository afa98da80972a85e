using OrderGrid.Telemetry;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>
/// Reads of grain state batched across grains (<see cref="StorageBatches{TItem, TResult}"/>: one batch in flight, what
/// arrives meanwhile rides the next, a lone read goes at once): the activations that start together — an order, its
/// notification outbox, its customer, the orders of other clients — read in one round trip
/// (<see cref="IGrainStateStore.ReadManyAsync"/>) instead of one each. One reader serves every storage provider of the silo.
/// </summary>
public sealed class GrainStateReader
{
    public const int DefaultMaxBatch = 256;

    private static readonly KeyValuePair<string, object?> Store = new("store", "grain-state-read");

    private readonly StorageBatches<GrainStateKey, StoredGrainState?> reads;

    public GrainStateReader(IGrainStateStore store, int maxBatch = DefaultMaxBatch)
    {
        ArgumentNullException.ThrowIfNull(store);
        reads = new(keys => store.ReadManyAsync(keys), maxBatch, static (size, _) => OrderGridTelemetry.StorageBatchSize.Record(size, Store));
    }

    /// <summary>The round trips sent so far.</summary>
    public long Batches => reads.Batches;

    /// <summary>The stored state, or <c>null</c> when the grain never wrote; read with the others waiting.</summary>
    public Task<StoredGrainState?> ReadAsync(GrainStateKey key) => reads.Add(key);
}