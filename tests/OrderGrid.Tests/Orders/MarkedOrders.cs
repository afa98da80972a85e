using System.Collections.Concurrent;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Orders;

/// <summary>The unfinished-orders list in memory, as the PostgreSQL one behaves: the last word for an order wins.</summary>
public sealed class MarkedOrders : IUnfinishedOrders
{
    private readonly ConcurrentDictionary<string, bool> _marks = new(StringComparer.Ordinal);

    public bool IsMarked(string orderId) => _marks.GetValueOrDefault(orderId);

    public Task Mark(string orderId)
    {
        _marks[orderId] = true;
        return Task.CompletedTask;
    }

    public void Finished(string orderId) => _marks[orderId] = false;
}