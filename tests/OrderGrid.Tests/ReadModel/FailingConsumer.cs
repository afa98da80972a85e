using OrderGrid.Orders;

namespace OrderGrid.Tests.ReadModel;

/// <summary>
/// An order change consumer that refuses its first deliveries, as a broken webhook or a database outage would: the
/// orders must keep those changes in their outboxes and deliver them again (the read model then sees them twice).
/// </summary>
public sealed class FailingConsumer(int failures) : IOrderChangeConsumer
{
    private int calls;

    public int Failed => Math.Min(Volatile.Read(ref calls), failures);

    public int Delivered => Math.Max(Volatile.Read(ref calls) - failures, 0);

    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref calls) <= failures
            ? Task.FromException(new InvalidOperationException("Injected delivery failure."))
            : Task.CompletedTask;
}