using System.Collections.Immutable;

using OrderGrid.Rules;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Orders;

/// <summary>
/// The order's side of the conversation with stock grains. Every call is idempotent by order id, so a step
/// interrupted by a crash is simply run again.
/// </summary>
internal sealed class OrderStock(IGrainFactory grains, string orderId)
{
    /// <summary>
    /// Reserves the lines, sourcing from the allowed warehouses (see <see cref="Sourcing.Candidates"/>), or only from
    /// <paramref name="onlyFrom"/> when the order is collected there; what waits is filled by <paramref name="priority"/>,
    /// then by placed time.
    /// </summary>
    public async Task<ImmutableArray<Allocation>> Reserve(
        ImmutableArray<OrderLine> lines, DateTimeOffset placedAt, string? preferred, ImmutableArray<string> excluded, OrderPriority priority, string? onlyFrom = null)
    {
        var all = (await Warehouses()).Select(w => w.Id).ToArray();
        var warehouses = onlyFrom is null ? Sourcing.Candidates(all, preferred, excluded).ToArray() : [onlyFrom];

        // Each stock grain is asked once, for its level and the order's holding together: every warehouse is asked
        // (not only the candidates), since units can be held for the order anywhere — handed over by a cart, or
        // reserved by a run of this step that a crash interrupted.
        var positions = await Task.WhenAll(from w in all.Union(warehouses) from l in lines select Stock(w, l.Sku).PositionFor(orderId));
        var held = positions.Select(p => p.Held).Where(a => a.Reserved > 0 || a.Backordered > 0).ToArray();

        // Earlier holdings count as available to the order, so the plan reuses them instead of reserving the same
        // units a second time elsewhere.
        var available = positions.Select(p => p.Level).Where(l => warehouses.Contains(l.WarehouseId)).ToDictionary(l => (l.WarehouseId, l.Sku), l => l.Available);
        foreach (var own in held.Where(h => available.ContainsKey((h.WarehouseId, h.Sku))))
        {
            available[(own.WarehouseId, own.Sku)] += own.Reserved;
        }

        var plan = Sourcing.Plan([.. lines.Select(l => (l.Sku, l.Quantity))], warehouses, (w, sku) => available[(w, sku)]);
        var answers = (await Task.WhenAll(plan.Select(d => Stock(d.WarehouseId, d.Sku).Demand(new StockDemand(orderId, d.Quantity, d.Backorder, placedAt, Priority: priority)))))
            .ToDictionary(a => (a.WarehouseId, a.Sku));

        // Whatever the order still holds outside the new plan is given back.
        foreach (var stray in held.Where(h => !answers.ContainsKey((h.WarehouseId, h.Sku))))
        {
            await Stock(stray.WarehouseId, stray.Sku).Demand(new StockDemand(orderId, 0, Backorder: false, placedAt));
        }

        // The snapshot can be overtaken by other orders: what a warehouse could not give after all is backordered
        // at the first warehouse, so every unit of every line is either reserved or waiting.
        foreach (var line in lines)
        {
            var covered = answers.Values.Where(a => a.Sku == line.Sku).Sum(a => a.Reserved + a.Backordered);
            if (covered < line.Quantity && warehouses.Length > 0)
            {
                var first = warehouses[0];
                var atFirst = answers.GetValueOrDefault((first, line.Sku));
                var demand = (atFirst?.Reserved ?? 0) + (atFirst?.Backordered ?? 0) + line.Quantity - covered;
                answers[(first, line.Sku)] = await Stock(first, line.Sku).Demand(new StockDemand(orderId, demand, Backorder: true, placedAt, Priority: priority));
            }
        }

        return [.. answers.Values];
    }

    /// <summary>Releases the order's stock of these lines in every warehouse. Releasing twice releases once.</summary>
    public async Task Release(ImmutableArray<OrderLine> lines)
    {
        var warehouses = await Warehouses();
        await Task.WhenAll(from w in warehouses from l in lines select Stock(w.Id, l.Sku).Release(orderId));
    }

    /// <summary>Gives back the order's stock of these SKUs (removed lines) in every warehouse.</summary>
    public async Task Return(ImmutableArray<string> skus)
    {
        var warehouses = await Warehouses();
        await Task.WhenAll(from w in warehouses from sku in skus select Stock(w.Id, sku).Release(orderId));
    }

    /// <summary>
    /// Moves the order's holdings to changed quantities by the difference only, measured against what the stock
    /// grains hold for it now (so a rerun after a crash changes nothing more): fewer units give back waiting units
    /// first, then reserved ones from the last warehouse back; more units are reserved where stock is available,
    /// the rest waits where the line already waits (else at the first warehouse).
    /// </summary>
    public async Task<ImmutableArray<Allocation>> Adjust(
        ImmutableArray<OrderLine> lines, DateTimeOffset placedAt, string? preferred, ImmutableArray<string> excluded, OrderPriority priority, string? onlyFrom = null)
    {
        var all = (await Warehouses()).Select(w => w.Id).ToArray();
        var candidates = onlyFrom is null ? Sourcing.Candidates(all, preferred, excluded).ToArray() : [onlyFrom];
        var held = await AllocationsAt(all, lines);
        var adjusted = await Task.WhenAll(lines.Select(line => AdjustLine(line, [.. held.Where(h => h.Sku == line.Sku)], candidates, new DemandTerms(placedAt, priority))));
        return [.. adjusted.SelectMany(a => a)];
    }

    private async Task<IEnumerable<Allocation>> AdjustLine(OrderLine line, Allocation[] held, string[] candidates, DemandTerms terms)
    {
        var plan = held.ToDictionary(h => h.WarehouseId, h => (h.Reserved, h.Backordered));
        var change = line.Quantity - held.Sum(h => h.Reserved + h.Backordered);
        foreach (var h in Enumerable.Reverse(held).Where(_ => change < 0))
        {
            var cut = Math.Min(-change, h.Backordered);
            plan[h.WarehouseId] = (h.Reserved, h.Backordered - cut);
            change += cut;
        }

        foreach (var h in Enumerable.Reverse(held).Where(_ => change < 0))
        {
            var cut = Math.Min(-change, plan[h.WarehouseId].Reserved);
            plan[h.WarehouseId] = (plan[h.WarehouseId].Reserved - cut, plan[h.WarehouseId].Backordered);
            change += cut;
        }

        if (change > 0)
        {
            var levels = await Task.WhenAll(candidates.Select(w => Stock(w, line.Sku).GetLevel()));
            foreach (var level in levels.Where(_ => change > 0))
            {
                var take = Math.Min(change, level.Available);
                var (reserved, backordered) = plan.GetValueOrDefault(level.WarehouseId);
                plan[level.WarehouseId] = (reserved + take, backordered);
                change -= take;
            }

            var waitAt = plan.FirstOrDefault(p => p.Value.Backordered > 0).Key ?? candidates.FirstOrDefault();
            if (change > 0 && waitAt is not null)
            {
                var (reserved, backordered) = plan.GetValueOrDefault(waitAt);
                plan[waitAt] = (reserved, backordered + change);
            }
        }

        var answers = held.ToDictionary(h => h.WarehouseId);
        foreach (var (warehouse, (reserved, backordered)) in plan)
        {
            // Sent even when the numbers are unchanged: a rule may have changed the order's priority.
            answers[warehouse] = await Stock(warehouse, line.Sku).Demand(new StockDemand(orderId, reserved + backordered, backordered > 0, terms.PlacedAt, Priority: terms.Priority));
        }

        // Another order may have taken the stock seen a moment ago: what was not reserved after all waits.
        var covered = answers.Values.Sum(a => a.Reserved + a.Backordered);
        var waitHere = answers.Values.FirstOrDefault(a => a.Backordered > 0)?.WarehouseId ?? candidates.FirstOrDefault();
        if (covered < line.Quantity && waitHere is not null)
        {
            var at = answers.GetValueOrDefault(waitHere);
            var demand = (at?.Reserved ?? 0) + (at?.Backordered ?? 0) + line.Quantity - covered;
            answers[waitHere] = await Stock(waitHere, line.Sku).Demand(new StockDemand(orderId, demand, Backorder: true, terms.PlacedAt, Priority: terms.Priority));
        }

        return answers.Values.Where(a => a.Reserved > 0 || a.Backordered > 0);
    }

    /// <summary>What each warehouse holds for the order now (to resynchronise a backordered order).</summary>
    public async Task<ImmutableArray<Allocation>> Current(ImmutableArray<OrderLine> lines) =>
        await AllocationsAt([.. (await Warehouses()).Select(w => w.Id)], lines);

    /// <summary>Whether a warehouse of this id exists.</summary>
    public async Task<bool> IsWarehouse(string warehouseId) => (await Warehouses()).Any(w => w.Id == warehouseId);

    /// <summary>
    /// The pick list's units leave its warehouse, once however often this runs (the pick list id is the dispatch id);
    /// units reserved there for the rest of a split order stay. Answers what each of its SKUs still holds there.
    /// </summary>
    public async Task<ImmutableArray<Allocation>> Dispatch(PickList pickList) =>
        [.. await Task.WhenAll(pickList.Lines.Select(l => Stock(pickList.WarehouseId, l.Sku).Dispatch(orderId, l.Quantity, pickList.Id)))];

    private async Task<ImmutableArray<Allocation>> AllocationsAt(string[] warehouses, ImmutableArray<OrderLine> lines) =>
        [.. await Task.WhenAll(from w in warehouses from l in lines select Stock(w, l.Sku).AllocationFor(orderId))];

    private Task<ImmutableArray<Warehouse>> Warehouses() => grains.GetGrain<IWarehouseDirectoryGrain>("default").List();

    private ISkuStockGrain Stock(string warehouseId, string sku) => grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));

    /// <summary>What every demand of one order carries besides its quantity.</summary>
    private readonly record struct DemandTerms(DateTimeOffset PlacedAt, OrderPriority Priority);
}