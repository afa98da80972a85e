using System.Diagnostics;

using OrderGrid.Telemetry;

namespace OrderGrid.Stock;

/// <summary>
/// Group commit for a reentrant grain: every request changes the state in its own turn, then waits for
/// <see cref="Durable"/>. One write is in flight at a time; the changes made while it runs are written together by
/// the next one, so a hot grain writes once per batch of concurrent requests instead of once per request. A request
/// is answered only after a write that holds its change has completed. A failed write fails its batch and every
/// change made on top of it, puts back the last stored state and lets the grain reload.
/// </summary>
internal sealed class GroupCommit<TState>(IPersistentState<TState> state, Action deactivate)
    where TState : class
{
    private TState stored = state.State;
    private TaskCompletionSource? inFlight;
    private TState? inFlightState;
    private TaskCompletionSource? nextWrite;
    private int nextWaiters;

    private static readonly KeyValuePair<string, object?> Store = new("store", "stock");

    /// <summary>Completes when every change made so far is stored; faults when one could not be.</summary>
    public Task Durable()
    {
        if (nextWrite is not null)
        {
            nextWaiters++;
            return nextWrite.Task;
        }

        if (ReferenceEquals(state.State, stored))
        {
            return Task.CompletedTask;
        }

        if (inFlight is not null && ReferenceEquals(state.State, inFlightState))
        {
            return inFlight.Task;
        }

        nextWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nextWaiters = 1;
        var waiter = nextWrite.Task;
        if (inFlight is null)
        {
            _ = WriteBatches();
        }

        return waiter;
    }

    private async Task WriteBatches()
    {
        while (nextWrite is { } batch)
        {
            (nextWrite, inFlight, inFlightState) = (null, batch, state.State);
            var (waiters, started) = (nextWaiters, Stopwatch.GetTimestamp());
            try
            {
                await state.WriteStateAsync();
                OrderGridTelemetry.StorageBatchSize.Record(waiters, Store);
                OrderGridTelemetry.StorageCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Store);
                stored = inFlightState;
                batch.SetResult();
            }
            catch (Exception failure)
            {
                // Later changes were made on top of the unstored one: they fail too, and the grain reloads.
                var later = nextWrite;
                (nextWrite, inFlight, inFlightState) = (null, null, null);
                state.State = stored;
                batch.SetException(failure);
                later?.SetException(failure);
                deactivate();
                return;
            }
        }

        (inFlight, inFlightState) = (null, null);
    }
}