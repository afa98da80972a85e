using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Merges;

/// <summary>Which orders may be merged: open delivery orders of one customer, to one address, from one warehouse, nothing picked.</summary>
public static class MergeRules
{
    /// <returns>Why the orders cannot be merged, or null when they can.</returns>
    public static Refusal? Refuse(ImmutableArray<string> orderIds, IReadOnlyList<OrderView?> orders)
    {
        if (orderIds.Length is < 2 or > MergeIds.MaxOrders)
        {
            return Refusal.Invalid("merge.invalid", $"A merge takes 2 to {MergeIds.MaxOrders} different orders.");
        }

        if (orderIds.Zip(orders).FirstOrDefault(x => x.Second is null).First is { } unknown)
        {
            return Refusal.NotFound("order.not-found", $"Order {unknown} does not exist.");
        }

        var views = orders.Select(o => o!).ToArray();
        var first = views[0];
        var reason = views.Select(o => Unmergeable(o) ?? Differs(first, o)).FirstOrDefault(r => r is not null);
        return reason is null ? null : Refusal.Conflict("merge.not-possible", $"The orders cannot be merged: {reason}.");
    }

    private static string? Unmergeable(OrderView order)
    {
        if (order.Timeline.Any(e => e.Kind == EventKinds.OrderMerged))
        {
            return $"order {order.Id} is already merged";
        }

        if (order.Fulfilment is { IsPickup: true })
        {
            return $"order {order.Id} is collected in store";
        }

        if (order.Status != OrderStatus.Processing || order.PickLists.IsEmpty || order.Lines.Sum(l => l.Quantity) != order.PickLists.Sum(p => p.Lines.Sum(l => l.Quantity)))
        {
            return $"order {order.Id} is {order.Status}, not being prepared with all its items on pick lists";
        }

        return order.PickLists.Any(p => p.Status != PickListStatus.Open) ? $"order {order.Id} is already being picked" : null;
    }

    private static string? Differs(OrderView first, OrderView order)
    {
        if (order.CustomerId != first.CustomerId)
        {
            return $"order {order.Id} belongs to another customer";
        }

        if (order.ShipTo != first.ShipTo)
        {
            return $"order {order.Id} goes to another address";
        }

        var warehouses = first.PickLists.Concat(order.PickLists).Select(p => p.WarehouseId).Distinct().Count();
        return warehouses > 1 ? $"order {order.Id} is not picked in the same single warehouse" : null;
    }
}