using System.Collections.Concurrent;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Demo;

/// <summary>Follows every order change on the test silo, as the read model does, so tests see what the simulator did.</summary>
public sealed class OrderJournal : IOrderChangeConsumer
{
    private readonly ConcurrentDictionary<string, OrderView> _orders = new(StringComparer.Ordinal);

    public IReadOnlyList<OrderView> Orders => [.. _orders.Values];

    public Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            _orders.AddOrUpdate(change.Order.Id, change.Order, (_, known) => known.Version >= change.Order.Version ? known : change.Order);
        }

        return Task.CompletedTask;
    }
}