using System.Collections.Concurrent;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// Holds the writes of one order's state, as a slow database would: while held, the order's write is in flight and
/// its grain awaits it. Writes of other orders and other states pass.
/// </summary>
public sealed class HeldWrites
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Reached, TaskCompletionSource Open)> _held = new(StringComparer.Ordinal);

    /// <summary>Holds the next writes of order <paramref name="orderId"/>; answers a task that completes when one waits.</summary>
    public Task Hold(string orderId) =>
        _held.GetOrAdd(orderId, _ => (New(), New())).Reached.Task;

    public void Release(string orderId)
    {
        if (_held.TryRemove(orderId, out var held))
        {
            held.Open.TrySetResult();
        }
    }

    internal Task Before(string stateName, GrainId grainId)
    {
        if (stateName != "order" || !_held.TryGetValue(grainId.Key.ToString()!, out var held))
        {
            return Task.CompletedTask;
        }

        held.Reached.TrySetResult();
        return held.Open.Task;
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}