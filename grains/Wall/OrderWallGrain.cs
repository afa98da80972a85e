using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Wall;

/// <summary>
/// Live counts for the operations wall. Kept in memory: it is rebuilt from the orders' news and holds no truth
/// of its own. News is applied by version, so a late or repeated message never counts twice.
/// </summary>
[GrainType("order-wall")]
public sealed class OrderWallGrain(TimeProvider clock) : Grain, IOrderWallGrain
{
    private readonly Dictionary<string, WallEntry> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<OrderStatus, int> _byStatus = [];
    private readonly Dictionary<SalesChannel, int> _byChannel = [];
    private readonly Queue<DateTimeOffset> _placedLastHour = new();

    public Task Track(OrderStatusChange change)
    {
        if (_orders.TryGetValue(change.OrderId, out var known))
        {
            if (known.Version >= change.Version)
            {
                return Task.CompletedTask;
            }

            _byStatus[known.Status]--;
        }
        else
        {
            _byChannel[change.Channel] = _byChannel.GetValueOrDefault(change.Channel) + 1;
            _placedLastHour.Enqueue(change.PlacedAt);
        }

        var since = known is not null && known.Status == change.Status ? known.Since : change.At;
        _orders[change.OrderId] = new WallEntry(change.Status, change.Channel, change.Version, change.PlacedAt, since);
        _byStatus[change.Status] = _byStatus.GetValueOrDefault(change.Status) + 1;
        return Task.CompletedTask;
    }

    public Task<OrderWallSummary> Summary()
    {
        var now = clock.GetUtcNow();
        while (_placedLastHour.TryPeek(out var oldest) && oldest < now.AddHours(-1))
        {
            _placedLastHour.Dequeue();
        }

        return Task.FromResult(new OrderWallSummary(
            _byStatus.Where(s => s.Value > 0).ToImmutableDictionary(),
            _byChannel.ToImmutableDictionary(),
            _placedLastHour.Count(t => t >= now.AddMinutes(-1)),
            _placedLastHour.Count,
            _orders.Count));
    }

    public Task<ImmutableArray<QueuedOrder>> Queue(OrderStatus status, int limit) =>
        Task.FromResult<ImmutableArray<QueuedOrder>>([.. _orders
            .Where(o => o.Value.Status == status)
            .OrderBy(o => o.Value.Since)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(o => new QueuedOrder(o.Key, o.Value.Status, o.Value.Channel, o.Value.PlacedAt, o.Value.Since))]);
}