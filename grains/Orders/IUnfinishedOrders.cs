namespace OrderGrid.Orders;

/// <summary>
/// A durable list of orders that may have unfinished steps (<see cref="OrderState.Steps"/>), so that a silo starting
/// after a crash finds them and resumes them without waiting for someone to read the order. An order is marked before
/// the write that records its first step, so the mark is durable no later than the step; the mark goes once the steps
/// are done. A mark without steps is harmless: the order is activated, finds nothing to do and drops it.
/// </summary>
public interface IUnfinishedOrders
{
    /// <summary>Completes when the mark for <paramref name="orderId"/> is durable; fails when it could not be stored.</summary>
    Task Mark(string orderId);

    /// <summary>The order's steps are all done: its mark may go (later, with others; not awaited).</summary>
    void Finished(string orderId);
}

/// <summary>Storage that does not outlive the process (InMemory mode): nothing survives a restart, so there is nothing to mark.</summary>
public sealed class NoUnfinishedOrders : IUnfinishedOrders
{
    public Task Mark(string orderId) => Task.CompletedTask;

    public void Finished(string orderId)
    {
    }
}