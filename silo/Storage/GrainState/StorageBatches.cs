using System.Diagnostics;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>
/// Batching across grains, the shape of the stock grain's <c>GroupCommit</c> over many grains, shared by the grain
/// storage's writes (<see cref="GrainStateWriter"/>) and reads (<see cref="GrainStateReader"/>): one batch is in flight
/// at a time; the items that arrive while it runs ride the next batch together; an item that arrives when nothing is in
/// flight starts a batch at once (no timer, no waiting for company). A caller hears back when the batch holding its
/// item has run: the result the batch gave for its item, or the batch's failure (every caller of that batch and no
/// other; the next batch runs as usual).
/// </summary>
/// <param name="run">Runs one batch; answers one result per item, in the items' order.</param>
/// <param name="maxBatch">The most items one batch carries; the rest wait for the next.</param>
/// <param name="ran">Told each batch's size and duration once it has run well (telemetry).</param>
public sealed class StorageBatches<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> run,
    int maxBatch,
    Action<int, TimeSpan>? ran = null)
{
    private readonly Lock gate = new();
    private List<Pending> next = [];
    private bool inFlight;
    private long batches;
    private long items;

    /// <summary>The batches run or failed so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>The items sent so far (all batches).</summary>
    public long Items => Interlocked.Read(ref items);

    /// <summary>Queues <paramref name="item"/>; completes with its result once a batch holding it has run.</summary>
    public Task<TResult> Add(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
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
            _ = Task.Run(RunBatches);
        }

        return pending.Done.Task;
    }

    private async Task RunBatches()
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
            Interlocked.Add(ref items, batch.Count);
            IReadOnlyList<TResult> results;
            var started = Stopwatch.GetTimestamp();
            try
            {
                results = await run([.. batch.Select(p => p.Item)]);
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"A storage batch of {batch.Count} items answered {results.Count} results.");
                }

                ran?.Invoke(batch.Count, Stopwatch.GetElapsedTime(started));
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
                batch[i].Done.TrySetResult(results[i]);
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}