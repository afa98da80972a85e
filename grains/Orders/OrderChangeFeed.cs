using System.Threading.Channels;

using Microsoft.Extensions.Logging;

namespace OrderGrid.Orders;

/// <summary>
/// Hands each change at once to the listeners (the live fan-out: pushes go out from the commit, not after the read
/// model), then delivers it to the consumers in groups: changes published while a delivery is under way wait and go
/// together in the next one, so a consumer writing to a database commits once per batch instead of once per change.
/// </summary>
public sealed partial class OrderChangeFeed : IOrderChangeFeed, IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly IOrderChangeConsumer[] _consumers;
    private readonly IOrderChangeListener[] _listeners;
    private readonly ILogger<OrderChangeFeed> _logger;
    private readonly Channel<(OrderChanged Change, TaskCompletionSource Delivered)> _queue =
        Channel.CreateUnbounded<(OrderChanged, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _delivering;

    public OrderChangeFeed(IEnumerable<IOrderChangeConsumer> consumers, IEnumerable<IOrderChangeListener> listeners, ILogger<OrderChangeFeed> logger)
    {
        _consumers = [.. consumers];
        _listeners = [.. listeners];
        _logger = logger;
        _delivering = _consumers.Length == 0 ? Task.CompletedTask : Task.Run(Deliver);
    }

    public Task Publish(OrderChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OrderChanged(change);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // A listener's trouble must not fail the order's delivery: its screens catch up on the next change.
                LogListenerFailed(_logger, failure, change.Order.Id);
            }
        }

        if (_consumers.Length == 0)
        {
            return Task.CompletedTask;
        }

        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((change, delivered)) ? delivered.Task : Task.FromException(new ObjectDisposedException(nameof(OrderChangeFeed)));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _delivering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task Deliver()
    {
        var batch = new List<(OrderChanged Change, TaskCompletionSource Delivered)>(MaxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await DeliverBatch(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: what is left stays in the orders' outboxes and is delivered after restart.
        }

        while (reader.TryRead(out var left))
        {
            left.Delivered.TrySetCanceled();
        }
    }

    private async Task DeliverBatch(List<(OrderChanged Change, TaskCompletionSource Delivered)> batch)
    {
        try
        {
            // Side by side: the live fan-out need not wait for the read model's commit.
            var changes = batch.Select(b => b.Change).ToArray();
            await Task.WhenAll(_consumers.Select(c => c.Consume(changes, _stopping.Token)));

            batch.ForEach(b => b.Delivered.TrySetResult());
        }
        catch (Exception failure)
        {
            batch.ForEach(b => b.Delivered.TrySetException(failure));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A listener did not take the change of order {OrderId}.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string orderId);
}