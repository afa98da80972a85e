using System.Collections.Immutable;

namespace OrderGrid.Stock;

/// <summary>
/// The stock rules, pure: reserve, release, receive, dispatch. Each returns the new state and the orders whose
/// allocation changed as a side effect (backorders filled), so the grain can tell them after writing.
/// </summary>
public static class StockLedger
{
    public const int MaxRecentOperations = 512;

    public static (StockState State, Allocation Allocation, ImmutableArray<string> Filled) Demand(StockState state, StockDemand demand)
    {
        var current = state.Orders.GetValueOrDefault(demand.OrderId);
        var (reserved, backordered) = (current?.Reserved ?? 0, current?.Backordered ?? 0);
        var wanted = Math.Max(0, demand.Quantity);
        if (reserved + backordered == wanted && (demand.Backorder || backordered == 0))
        {
            return (state, ToAllocation(state, demand.OrderId), []);
        }

        int newReserved, newBackordered;
        if (wanted <= reserved)
        {
            (newReserved, newBackordered) = (wanted, 0);
        }
        else
        {
            var take = Math.Min(wanted - reserved, state.Available);
            newReserved = reserved + take;
            newBackordered = demand.Backorder ? wanted - newReserved : 0;
        }

        var next = Set(state, demand.OrderId, newReserved, newBackordered, current?.PlacedAt ?? demand.PlacedAt);
        var (filled, filledOrders) = newReserved < reserved ? FillBackorders(next) : (next, []);
        return (filled, ToAllocation(filled, demand.OrderId), filledOrders);
    }

    public static (StockState State, ImmutableArray<string> Filled) Release(StockState state, string orderId)
    {
        if (!state.Orders.ContainsKey(orderId))
        {
            return (state, []);
        }

        var next = state with { Orders = state.Orders.Remove(orderId), Version = state.Version + 1 };
        return FillBackorders(next);
    }

    public static (StockState State, int Dispatched) Dispatch(StockState state, string orderId)
    {
        if (state.Orders.GetValueOrDefault(orderId) is not { Reserved: > 0 } entry)
        {
            return (state, 0);
        }

        var orders = entry.Backordered > 0
            ? state.Orders.SetItem(orderId, entry with { Reserved = 0, Version = state.Version + 1 })
            : state.Orders.Remove(orderId);
        return (state with { OnHand = state.OnHand - entry.Reserved, Orders = orders, Version = state.Version + 1 }, entry.Reserved);
    }

    /// <summary>Adds (or, with a negative delta, removes) units on hand; never below what is reserved.</summary>
    public static (StockState State, ImmutableArray<string> Filled) ChangeOnHand(StockState state, int delta, string operationId)
    {
        var operations = state.RecentOperations.Enqueue(operationId);
        if (operations.Count() > MaxRecentOperations)
        {
            operations = operations.Dequeue();
        }

        var next = state with { OnHand = state.OnHand + delta, Version = state.Version + 1, RecentOperations = operations };
        return delta > 0 ? FillBackorders(next) : (next, []);
    }

    public static bool Applied(StockState state, string operationId) => state.RecentOperations.Contains(operationId);

    public static Allocation ToAllocation(StockState state, string orderId, string warehouseId = "", string sku = "")
    {
        var entry = state.Orders.GetValueOrDefault(orderId);
        return new Allocation(warehouseId, sku, orderId, entry?.Reserved ?? 0, entry?.Backordered ?? 0, entry?.Version ?? state.Version);
    }

    /// <summary>Gives available units to waiting orders, oldest first.</summary>
    private static (StockState State, ImmutableArray<string> Filled) FillBackorders(StockState state)
    {
        var filled = ImmutableArray.CreateBuilder<string>();
        var available = state.Available;
        foreach (var (orderId, entry) in state.Orders.Where(o => o.Value.Backordered > 0).OrderBy(o => o.Value.PlacedAt).ThenBy(o => o.Key, StringComparer.Ordinal).ToArray())
        {
            if (available <= 0)
            {
                break;
            }

            var take = Math.Min(available, entry.Backordered);
            available -= take;
            state = Set(state, orderId, entry.Reserved + take, entry.Backordered - take, entry.PlacedAt);
            filled.Add(orderId);
        }

        return (state, filled.ToImmutable());
    }

    private static StockState Set(StockState state, string orderId, int reserved, int backordered, DateTimeOffset placedAt)
    {
        var version = state.Version + 1;
        var orders = reserved == 0 && backordered == 0
            ? state.Orders.Remove(orderId)
            : state.Orders.SetItem(orderId, new StockEntry(reserved, backordered, placedAt, version));
        return state with { Orders = orders, Version = version };
    }
}