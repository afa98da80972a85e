using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;

namespace OrderGrid.Stock;

/// <summary>
/// The stock rules, pure: reserve, release, receive, dispatch, expect. Each returns the new state and the orders whose
/// allocation changed as a side effect (backorders filled), so the grain can tell them after writing.
/// </summary>
public static class StockLedger
{
    public const int MaxRecentOperations = 512;
    public const int MaxQuantity = 1_000_000;

    /// <summary>Open purchase orders per SKU and warehouse: keeps the state (and incoming) bounded.</summary>
    public const int MaxOpenPurchaseOrders = 100;

    /// <summary>Closed purchase orders remembered, so that a late retry of one is not ordered again.</summary>
    public const int MaxClosedPurchaseOrders = 256;

    public const int MaxDaysAhead = 365;
    public const int MaxPurchaseOrderIdLength = 100;

    /// <param name="holdShare">
    /// For a cart's hold (<see cref="StockDemand.Hold"/>): the share, 0 to 1, of the units orders have not reserved that all
    /// holds together may keep. Rounded down, so the last unit is always left for an order.
    /// </param>
    public static (StockState State, Allocation Allocation, ImmutableArray<string> Filled) Demand(StockState state, StockDemand demand, double holdShare = 1)
    {
        var takesOver = demand.TakesOverHold is { } hold && hold != demand.OrderId && state.Orders.ContainsKey(hold);
        if (takesOver)
        {
            // The hold's units become available to this demand only: waiting orders get what is left after it.
            state = state.WithEntry(demand.TakesOverHold!, null) with { Version = state.Version + 1 };
        }

        var current = state.Orders.GetValueOrDefault(demand.OrderId);
        var (reserved, backordered) = (current?.Reserved ?? 0, current?.Backordered ?? 0);
        var wanted = Math.Max(0, demand.Quantity);
        if (!takesOver && reserved + backordered == wanted && (demand.Backorder || backordered == 0) && (current is null || current.Priority == demand.Priority))
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
            if (demand.Hold)
            {
                take = Math.Min(take, HoldRoom(state, holdShare));
            }

            newReserved = reserved + take;
            newBackordered = demand.Backorder && !demand.Hold ? wanted - newReserved : 0;
        }

        if (!takesOver && (newReserved, newBackordered) == (reserved, backordered) && (current is null || current.Priority == demand.Priority))
        {
            // Nothing to take and nothing to wait for (no backorder asked): a refusal changes nothing.
            return (state, ToAllocation(state, demand.OrderId), []);
        }

        var next = Set(state, demand.OrderId, newReserved, newBackordered, current?.PlacedAt ?? demand.PlacedAt, demand.Priority, demand.Hold);
        var (filled, filledOrders) = newReserved < reserved || takesOver ? FillBackorders(next) : (next, []);
        return (filled, ToAllocation(filled, demand.OrderId), filledOrders);
    }

    public static (StockState State, ImmutableArray<string> Filled) Release(StockState state, string orderId)
    {
        if (!state.Orders.ContainsKey(orderId))
        {
            return (state, []);
        }

        var next = state.WithEntry(orderId, null) with { Version = state.Version + 1 };
        return FillBackorders(next);
    }

    /// <summary>
    /// <paramref name="quantity"/> of the order's reserved units leave the warehouse (a pick list's line): on hand and
    /// reserved both drop by that much, the rest stays reserved. A retried <paramref name="dispatchId"/> dispatches once.
    /// </summary>
    public static (StockState State, int Dispatched) Dispatch(StockState state, string orderId, int quantity, string dispatchId)
    {
        if (Applied(state, dispatchId) || state.Orders.GetValueOrDefault(orderId) is not { Reserved: > 0 } entry)
        {
            return (state, 0);
        }

        var units = Math.Min(Math.Max(0, quantity), entry.Reserved);
        var left = entry with { Reserved = entry.Reserved - units, Version = state.Version + 1 };
        var next = state.WithEntry(orderId, left is { Reserved: 0, Backordered: 0 } ? null : left);
        return (next with { OnHand = state.OnHand - units, Version = state.Version + 1, RecentOperations = Remember(state, dispatchId) }, units);
    }

    /// <summary>Adds (or, with a negative delta, removes) units on hand; never below what is reserved.</summary>
    public static (StockState State, ImmutableArray<string> Filled) ChangeOnHand(StockState state, int delta, string operationId)
    {
        var next = state with { OnHand = state.OnHand + delta, Version = state.Version + 1, RecentOperations = Remember(state, operationId) };
        return delta > 0 ? FillBackorders(next) : (next, []);
    }

    /// <summary>
    /// Goods received: on hand grows and waiting orders are filled. Against a purchase order, its received units grow
    /// by all that came (more than it owed closes it). A retried operation id changes nothing.
    /// </summary>
    public static (StockState State, ImmutableArray<string> Filled, Refusal? Refusal) Receive(StockState state, StockReceipt receipt)
    {
        if (receipt.Quantity is < 1 or > MaxQuantity)
        {
            return (state, [], Refusal.Invalid("stock.invalid-quantity", "A receipt is between 1 and 1,000,000 units."));
        }

        if (Applied(state, receipt.OperationId))
        {
            return (state, [], null);
        }

        if (receipt.PurchaseOrderId is { } id)
        {
            if (state.PurchaseOrders.GetValueOrDefault(id) is not { } order)
            {
                return (state, [], Refusal.NotFound("stock.purchase-order-not-found", $"There is no purchase order '{id}' for this stock."));
            }

            if (order.Outstanding == 0)
            {
                return (state, [], Refusal.Conflict("stock.purchase-order-closed", $"Purchase order '{id}' has been received in full."));
            }

            state = Record(state, order with { Received = order.Received + receipt.Quantity });
        }

        var (next, filled) = ChangeOnHand(state, receipt.Quantity, receipt.OperationId);
        return (next, filled, null);
    }

    /// <summary>
    /// Records stock ordered from a supplier, incoming until received. The same id again answers the order as it is and
    /// changes nothing (whatever expected day it names); with another quantity it is refused.
    /// </summary>
    /// <param name="now">When it is ordered: the expected day is today (UTC) at the earliest, a year ahead at the latest.</param>
    public static (StockState State, Outcome<PurchaseOrder> Answer) Expect(StockState state, NewPurchaseOrder order, DateTimeOffset now)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(order.Id) || order.Id.Length > MaxPurchaseOrderIdLength || order.Id.Any(char.IsControl))
        {
            errors["id"] = [$"Must be 1 to {MaxPurchaseOrderIdLength} characters, not blank, without control characters."];
        }

        if (order.Quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = ["Must be between 1 and 1,000,000."];
        }

        if (errors.Count == 0 && state.PurchaseOrders.GetValueOrDefault(order.Id) is { } existing)
        {
            return existing.Quantity == order.Quantity
                ? (state, existing)
                : (state, Refusal.Conflict(
                    "stock.purchase-order-conflict",
                    $"Purchase order '{order.Id}' exists for {existing.Quantity} units; another order needs another id."));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (order.ExpectedOn < today || order.ExpectedOn > today.AddDays(MaxDaysAhead))
        {
            errors["expectedOn"] = [$"Must be between today ({today:yyyy-MM-dd}) and {MaxDaysAhead} days ahead."];
        }

        if (errors.Count > 0)
        {
            return (state, Refusal.Invalid("stock.invalid-purchase-order", "The purchase order is not valid; see errors.", errors.ToImmutable()));
        }

        if (state.PurchaseOrders.Values.Count(o => o.Outstanding > 0) >= MaxOpenPurchaseOrders)
        {
            return (state, Refusal.Conflict(
                "stock.too-many-purchase-orders", $"This stock already has {MaxOpenPurchaseOrders} open purchase orders; receive some first."));
        }

        var created = new PurchaseOrder(order.Id, order.Quantity, 0, order.ExpectedOn, now, order.By);
        return (state with { PurchaseOrders = state.PurchaseOrders.Add(order.Id, created), Version = state.Version + 1 }, created);
    }

    /// <summary>The purchase orders still owing units, soonest expected first.</summary>
    public static IReadOnlyList<PurchaseOrder> OpenPurchaseOrders(StockState state) =>
        [.. state.PurchaseOrders.Values.Where(o => o.Outstanding > 0).OrderBy(o => o.ExpectedOn).ThenBy(o => o.OrderedAt).ThenBy(o => o.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The day the open purchase orders, soonest first, have brought enough for every order filled before this one and
    /// for this one's backorder (less what is available now); null when it waits for nothing or they fall short.
    /// </summary>
    public static DateOnly? ExpectedFor(StockState state, string orderId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Orders.GetValueOrDefault(orderId) is not { Backordered: > 0 })
        {
            return null;
        }

        var needed = -Math.Max(0, state.Available);
        foreach (var (id, entry) in Waiting(state))
        {
            needed += entry.Backordered;
            if (id == orderId)
            {
                break;
            }
        }

        foreach (var order in OpenPurchaseOrders(state))
        {
            if (needed <= 0)
            {
                break;
            }

            needed -= order.Outstanding;
            if (needed <= 0)
            {
                return order.ExpectedOn;
            }
        }

        return null;
    }

    /// <summary>
    /// Every waiting order's expected day, as <see cref="ExpectedFor"/> answers it for each, in one pass over the queue
    /// and the open purchase orders.
    /// </summary>
    public static ImmutableDictionary<string, DateOnly?> ExpectedDays(StockState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var days = ImmutableDictionary.CreateBuilder<string, DateOnly?>(StringComparer.Ordinal);
        var open = OpenPurchaseOrders(state);
        var needed = -Math.Max(0, state.Available);
        var (next, brought) = (0, 0);
        foreach (var (id, entry) in Waiting(state))
        {
            needed += entry.Backordered;
            while (brought < needed && next < open.Count)
            {
                brought += open[next++].Outstanding;
            }

            days[id] = needed > 0 && brought >= needed ? open[next - 1].ExpectedOn : null;
        }

        return days.ToImmutable();
    }

    public static bool Applied(StockState state, string operationId) => state.RecentOperations.Contains(operationId);

    public static Allocation ToAllocation(StockState state, string orderId, string warehouseId = "", string sku = "")
    {
        var entry = state.Orders.GetValueOrDefault(orderId);
        return new Allocation(warehouseId, sku, orderId, entry?.Reserved ?? 0, entry?.Backordered ?? 0, entry?.Version ?? state.Version);
    }

    /// <summary>Gives available units to waiting orders: the most urgent first, then the oldest, then by order id.</summary>
    private static (StockState State, ImmutableArray<string> Filled) FillBackorders(StockState state)
    {
        var filled = ImmutableArray.CreateBuilder<string>();
        var available = state.Available;
        foreach (var (orderId, entry) in Waiting(state))
        {
            if (available <= 0)
            {
                break;
            }

            var take = Math.Min(available, entry.Backordered);
            available -= take;
            state = Set(state, orderId, entry.Reserved + take, entry.Backordered - take, entry.PlacedAt, entry.Priority, entry.Hold);
            filled.Add(orderId);
        }

        return (state, filled.ToImmutable());
    }

    private static KeyValuePair<string, StockEntry>[] Waiting(StockState state) =>
        [.. state.Orders.Where(o => o.Value.Backordered > 0)
            .OrderByDescending(o => o.Value.Priority)
            .ThenBy(o => o.Value.PlacedAt)
            .ThenBy(o => o.Key, StringComparer.Ordinal)];

    /// <summary>The recent operation ids with this one added, the oldest forgotten beyond <see cref="MaxRecentOperations"/>.</summary>
    private static ImmutableQueue<string> Remember(StockState state, string operationId)
    {
        var operations = state.RecentOperations.Enqueue(operationId);
        return operations.Count() > MaxRecentOperations ? operations.Dequeue() : operations;
    }

    /// <summary>Stores the order; one that owes nothing more joins the closed ones, the oldest closed being forgotten.</summary>
    private static StockState Record(StockState state, PurchaseOrder order)
    {
        var orders = state.PurchaseOrders.SetItem(order.Id, order);
        var closed = state.ClosedPurchaseOrders;
        if (order.Outstanding == 0)
        {
            closed = closed.Enqueue(order.Id);
            if (closed.Count() > MaxClosedPurchaseOrders)
            {
                closed = closed.Dequeue(out var forgotten);
                orders = orders.Remove(forgotten);
            }
        }

        return state with { PurchaseOrders = orders, ClosedPurchaseOrders = closed };
    }

    /// <summary>
    /// How many more units holds may keep: their share of what orders have not reserved, less what all holds keep now
    /// (never below nothing; holds over the limit, after orders took units, are not taken back but cannot grow).
    /// </summary>
    private static int HoldRoom(StockState state, double holdShare)
    {
        var notForOrders = state.OnHand - (state.Reserved - state.Held);
        var allHolds = (int)Math.Floor(Math.Clamp(holdShare, 0, 1) * notForOrders);
        return Math.Max(0, allHolds - state.Held);
    }

    private static StockState Set(StockState state, string orderId, int reserved, int backordered, DateTimeOffset placedAt, OrderPriority priority, bool hold)
    {
        var version = state.Version + 1;
        var entry = reserved == 0 && backordered == 0 ? null : new StockEntry(reserved, backordered, placedAt, version, priority, hold);
        return state.WithEntry(orderId, entry) with { Version = version };
    }
}