using System.Collections.Concurrent;
using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Orders;

/// <summary>An order change consumer that can be held: while held, a delivery waits, as it would on a slow read model.</summary>
public sealed class HeldConsumer : IOrderChangeConsumer
{
    private readonly ConcurrentQueue<OrderChanged> _delivered = new();
    private readonly ConcurrentQueue<OrderChanged> _held = new();
    private readonly TaskCompletionSource _waited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TaskCompletionSource _open = Opened();

    /// <summary>Completes when a delivery first waited while held.</summary>
    public Task Waited => _waited.Task;

    /// <summary>How many changes were delivered so far, of every order.</summary>
    public int DeliveredCount => _delivered.Count;

    public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _open.TrySetResult();

    public ImmutableArray<OrderChanged> DeliveredFor(string orderId) => [.. _delivered.Where(c => c.Order.Id == orderId)];

    /// <summary>The changes of the order that a delivery carried while held: its publisher is still waiting for them.</summary>
    public ImmutableArray<OrderChanged> HeldFor(string orderId) => [.. _held.Where(c => c.Order.Id == orderId)];

    public async Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var open = _open;
        if (!open.Task.IsCompleted)
        {
            _waited.TrySetResult();
            foreach (var change in changes)
            {
                _held.Enqueue(change);
            }
        }

        await open.Task.WaitAsync(cancellationToken);
        foreach (var change in changes)
        {
            _delivered.Enqueue(change);
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}