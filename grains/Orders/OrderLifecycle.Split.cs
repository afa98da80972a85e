using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

/// <summary>
/// Explicit split: a backordered order ships what is reserved now; the rest waits, is reserved as stock arrives and
/// ships on further pick lists. Units not yet on a pick list count like an unshipped pick list.
/// </summary>
public static partial class OrderLifecycle
{
    /// <summary>Units of the order on no pick list yet, reserved or still waiting for stock.</summary>
    public static int UnitsWaiting(OrderState state) => state.Lines.Sum(l => LineWaiting(state, l));

    /// <summary>A split order still waiting for part of its units (its further pick lists can still be issued): news of stock concerns it.</summary>
    public static bool AwaitsRemainder(OrderState state) =>
        !state.PickLists.IsEmpty && UnitsWaiting(state) > 0 && OrderTransitions.Allows(state.Status, OrderMove.IssuePickLists);

    private static LifecycleResult Split(OrderState state, SplitOrderCommand c)
    {
        var pickLists = ReadyToPick(state);
        var changes = new Changes(state with { PickLists = pickLists }, c);
        if (c.By.Kind == ActorKind.Customer)
        {
            ChoseToShipNow(changes);
        }

        var (now, later) = (Counted.Items(Units(pickLists)), Counted.Items(UnitsWaiting(changes.State)));
        changes.Add(
            OrderStatus.Processing,
            EventKinds.OrderSplit,
            $"Split: shipping now {now}, waiting for stock {later} ({Warehouses(pickLists)}).",
            forCustomer: $"Shipping now: {now}; {later} to follow as soon as the stock arrives.");
        return changes.Result();
    }

    /// <summary>Further pick lists of a split order: only units reserved and on no pick list yet.</summary>
    private static LifecycleResult IssueRemainder(OrderState state, IssuePickListsCommand c)
    {
        var pickLists = ReadyToPick(state);
        var changes = new Changes(state with { PickLists = state.PickLists.AddRange(pickLists) }, c);
        changes.Add(
            state.Status,
            EventKinds.OrderProcessing,
            $"Being prepared: {Counted.Items(Units(pickLists))} more on {Counted.Of(pickLists.Length, "pick list", "pick lists")} ({Warehouses(pickLists)}).",
            forCustomer: $"The rest of your order is being prepared: {Counted.Items(Units(pickLists))}.");
        return changes.Result();
    }

    /// <summary>A fill reached a split order: the timeline says how much of the rest can now be picked.</summary>
    private static void RemainderAllocated(Changes changes)
    {
        var ready = Units(ReadyToPick(changes.State));
        var unreserved = UnitsWaiting(changes.State) - ready;
        if (unreserved > 0)
        {
            changes.Add(
                changes.State.Status,
                EventKinds.OrderStockAllocated,
                $"Stock arrived for the rest of the order: {Counted.Items(ready)} ready to pick, {unreserved} still waiting.",
                forCustomer: $"Stock arrived for the rest of your order: {Counted.Items(ready)} ready, {unreserved} still waiting.");
            return;
        }

        changes.State = changes.State with { Holds = WithoutHold(changes.State.Holds, HoldKind.OutOfStock) };
        changes.Add(
            changes.State.Status,
            EventKinds.OrderRemainderReserved,
            $"Stock arrived: the rest of the order ({Counted.Items(ready)}) is reserved and ready to pick.",
            forCustomer: $"Stock arrived: the rest of your order ({Counted.Items(ready)}) is reserved for you.");
    }

    /// <summary>
    /// What the stock grains still hold after a dispatch, kept for lines with units on no pick list yet (their later
    /// pick lists are measured against it); older news than the order already has is ignored.
    /// </summary>
    private static OrderState WithRemaining(OrderState state, ImmutableArray<Allocation> remaining)
    {
        foreach (var a in remaining.IsDefault ? [] : remaining)
        {
            var line = state.Lines.FirstOrDefault(l => l.Sku == a.Sku);
            var known = line?.Allocations.FirstOrDefault(x => x.WarehouseId == a.WarehouseId);
            if (line is null || LineWaiting(state, line) == 0 || (known is not null && known.Version >= a.Version))
            {
                continue;
            }

            var allocation = new LineAllocation(a.WarehouseId, a.Reserved, a.Backordered, a.Version);
            var updated = line with { Allocations = known is null ? line.Allocations.Add(allocation) : line.Allocations.Replace(known, allocation) };
            state = state with { Lines = state.Lines.Replace(line, updated) };
        }

        return state;
    }

    /// <summary>
    /// Pick lists, one per warehouse and numbered after the order's last, for the units reserved and on no pick list:
    /// what a warehouse holds for a line, less what its pick lists there still have to take, up to what the line still needs.
    /// </summary>
    private static ImmutableArray<PickList> ReadyToPick(OrderState state) =>
    [
        .. state.Lines
            .SelectMany(line => Ready(state, line).Select(r => (r.WarehouseId, Line: new PickListLine(line.Sku, line.Name, r.Units, null))))
            .GroupBy(x => x.WarehouseId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new PickList($"{state.Id}-P{state.PickLists.Length + i + 1}", state.Id, g.Key, [.. g.Select(x => x.Line)], PickListStatus.Open, null)),
    ];

    private static List<(string WarehouseId, int Units)> Ready(OrderState state, OrderLine line)
    {
        var needed = LineWaiting(state, line);
        var ready = new List<(string, int)>();
        foreach (var a in line.Allocations.Where(_ => needed > 0))
        {
            var units = Math.Min(needed, a.Reserved - StillToLeave(state, a.WarehouseId, line.Sku));
            if (units > 0)
            {
                ready.Add((a.WarehouseId, units));
                needed -= units;
            }
        }

        return ready;
    }

    private static int LineWaiting(OrderState state, OrderLine line) =>
        Math.Max(0, line.Quantity - state.PickLists.Sum(p => p.Lines.Where(l => l.Sku == line.Sku).Sum(l => l.Quantity)));

    /// <summary>Units on the order's pick lists at the warehouse whose stock has not been dispatched yet.</summary>
    private static int StillToLeave(OrderState state, string warehouseId, string sku) =>
        state.PickLists
            .Where(p => p.WarehouseId == warehouseId && (p.Status != PickListStatus.Shipped || state.Steps.Contains(new DispatchPickList(p.Id))))
            .Sum(p => p.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity));

    private static int Units(ImmutableArray<PickList> pickLists) => pickLists.Sum(p => p.Lines.Sum(l => l.Quantity));

    private static string Warehouses(ImmutableArray<PickList> pickLists) => string.Join(", ", pickLists.Select(p => p.WarehouseId));
}