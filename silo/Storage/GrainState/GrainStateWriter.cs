using System.Diagnostics;
using System.Globalization;

using OrderGrid.Telemetry;

using Orleans.Storage;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>
/// Group commit across grains, the shape of the stock grain's <c>GroupCommit</c> over many grains: one batch is in
/// flight at a time; the changes that arrive while it runs ride the next batch together; a change that arrives when
/// nothing is in flight starts a batch at once (no timer, no waiting for company). A writer hears back only when the
/// transaction holding its change has committed: its new version, an <see cref="InconsistentStateException"/>
/// when its grain's stored version was not the one it expected (the other grains of the batch commit), or the batch's
/// failure when the transaction failed (every writer of that batch and no other; the next batch runs as usual).
/// One writer serves every storage provider of the silo, so the writes of orders, stock and customers share commits.
/// </summary>
public sealed class GrainStateWriter(IGrainStateStore store, int maxBatch = GrainStateWriter.DefaultMaxBatch)
{
    public const int DefaultMaxBatch = 256;

    private static readonly KeyValuePair<string, object?> Store = new("store", "grain-state");

    private readonly Lock gate = new();
    private List<Pending> next = [];
    private bool inFlight;
    private long batches;
    private long changes;

    /// <summary>The batches committed or failed so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>The changes sent so far (all batches).</summary>
    public long Changes => Interlocked.Read(ref changes);

    /// <summary>Queues <paramref name="change"/>; completes with its new version once a committed batch holds it.</summary>
    public Task<int> WriteAsync(GrainStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pending = new Pending(change, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            next.Add(pending);
            start = !inFlight;
            inFlight = true;
        }

        if (start)
        {
            // Off the caller's scheduler (a grain's): the loop outlives the call and serves every grain.
            _ = Task.Run(WriteBatches);
        }

        return pending.Done.Task;
    }

    private async Task WriteBatches()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (next.Count == 0)
                {
                    inFlight = false;
                    return;
                }

                if (next.Count <= maxBatch)
                {
                    (batch, next) = (next, []);
                }
                else
                {
                    batch = next.GetRange(0, maxBatch);
                    next.RemoveRange(0, maxBatch);
                }
            }

            Interlocked.Increment(ref batches);
            Interlocked.Add(ref changes, batch.Count);
            IReadOnlyList<int?> versions;
            var started = Stopwatch.GetTimestamp();
            try
            {
                versions = await store.CommitAsync([.. batch.Select(p => p.Change)]);
                OrderGridTelemetry.StorageBatchSize.Record(batch.Count, Store);
                OrderGridTelemetry.StorageCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Store);
            }
            catch (Exception failure)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(failure);
                }

                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var (change, done) = batch[i];
                if (versions[i] is { } version)
                {
                    done.TrySetResult(version);
                }
                else
                {
                    var expected = change.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none";
                    done.TrySetException(new InconsistentStateException(
                        $"Version conflict writing grain state {change.Key}: the stored version is not {expected} (another activation wrote it, or it was removed).",
                        "unknown",
                        expected));
                }
            }
        }
    }

    private sealed record Pending(GrainStateChange Change, TaskCompletionSource<int> Done);
}