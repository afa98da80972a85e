using System.Globalization;

using OrderGrid.Telemetry;

using Orleans.Storage;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>
/// Group commit across grains (<see cref="StorageBatches{TItem, TResult}"/>: one batch in flight, what arrives meanwhile
/// rides the next, a lone write goes at once). A writer hears back only when the transaction holding its change has
/// committed: its new version, an <see cref="InconsistentStateException"/> when its grain's stored version was not the
/// one it expected (the other grains of the batch commit), or the batch's failure when the transaction failed (every
/// writer of that batch and no other; the next batch runs as usual). One writer serves every storage provider of the
/// silo, so the writes of orders, stock and customers share commits.
/// </summary>
public sealed class GrainStateWriter
{
    public const int DefaultMaxBatch = 256;

    private static readonly KeyValuePair<string, object?> Store = new("store", "grain-state");

    private readonly StorageBatches<GrainStateChange, int?> writes;

    public GrainStateWriter(IGrainStateStore store, int maxBatch = DefaultMaxBatch)
    {
        ArgumentNullException.ThrowIfNull(store);
        writes = new(changes => store.CommitAsync(changes), maxBatch, static (size, took) =>
        {
            OrderGridTelemetry.StorageBatchSize.Record(size, Store);
            OrderGridTelemetry.StorageCommitDuration.Record(took.TotalSeconds, Store);
        });
    }

    /// <summary>The batches committed or failed so far.</summary>
    public long Batches => writes.Batches;

    /// <summary>The changes sent so far (all batches).</summary>
    public long Changes => writes.Items;

    /// <summary>Queues <paramref name="change"/>; completes with its new version once a committed batch holds it.</summary>
    public async Task<int> WriteAsync(GrainStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await writes.Add(change) ?? throw new InconsistentStateException(
            $"Version conflict writing grain state {change.Key}: the stored version is not {change.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"} (another activation wrote it, or it was removed).",
            "unknown",
            change.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none");
    }
}