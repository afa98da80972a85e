using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Rules;

namespace OrderGrid.Waves;

/// <summary>The rules of a warehouse's pick-list queue, free of Orleans: the order of the queue and the pick path of a wave.</summary>
public static class PickQueueRules
{
    /// <summary>The pick lists one wave may take: from this many (the wall's input offers the same, checked by a test).</summary>
    public const int MinPickListsPerWave = 1;

    /// <summary>The pick lists one wave may take: up to this many.</summary>
    public const int MaxPickListsPerWave = 100;

    /// <summary>The state after news of an order: older news changes nothing; an order with nothing left to pick leaves.</summary>
    public static PickQueueState Apply(PickQueueState state, OrderPickLists news)
    {
        if (state.Orders.TryGetValue(news.OrderId, out var known) && known.Version >= news.Version)
        {
            return state;
        }

        var orders = news.PickLists.IsEmpty ? state.Orders.Remove(news.OrderId) : state.Orders.SetItem(news.OrderId, news);
        var open = orders.Values.SelectMany(o => o.PickLists).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return state with { Orders = orders, InWave = state.InWave.RemoveRange(state.InWave.Keys.Where(id => !open.Contains(id))) };
    }

    /// <summary>Open pick lists, most urgent first: VIP, express, normal; then the oldest order; then the pick list id.</summary>
    public static ImmutableArray<QueuedPickList> Open(PickQueueState state) =>
    [
        .. state.Orders.Values
            .SelectMany(o => o.PickLists.Select(p => new QueuedPickList(p.Id, o.OrderId, o.Priority, o.PlacedAt, p.Lines, state.InWave.GetValueOrDefault(p.Id))))
            .OrderBy(p => Urgency(p.Priority))
            .ThenBy(p => p.PlacedAt)
            .ThenBy(p => p.PickListId, StringComparer.Ordinal),
    ];

    /// <summary>The wave path: units summed per SKU, by location then SKU, each with its share per pick list.</summary>
    public static ImmutableArray<WaveStop> PickPath(ImmutableArray<QueuedPickList> pickLists) =>
    [
        .. pickLists
            .SelectMany(p => p.Lines.Select(l => (Line: l, Share: new WaveShare(p.PickListId, p.OrderId, l.Quantity))))
            .GroupBy(x => x.Line.Sku, StringComparer.Ordinal)
            .Select(g => Stop(g.First().Line, [.. g.Select(x => x.Share)]))
            .OrderBy(s => s.Location is null)
            .ThenBy(s => s.Location, StringComparer.Ordinal)
            .ThenBy(s => s.Sku, StringComparer.Ordinal),
    ];

    private static WaveStop Stop(PickListLine line, ImmutableArray<WaveShare> shares) =>
        new(line.Sku, line.Name, line.Location, shares.Sum(s => s.Quantity), shares);

    private static int Urgency(OrderPriority priority) => priority switch
    {
        OrderPriority.Vip => 0,
        OrderPriority.Express => 1,
        _ => 2,
    };
}