using System.Collections.Immutable;

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
    /// <paramref name="onlyFrom"/> when the order is collected there.
    /// </summary>
    public async Task<ImmutableArray<Allocation>> Reserve(ImmutableArray<OrderLine> lines, DateTimeOffset placedAt, string? preferred, ImmutableArray<string> excluded, string? onlyFrom = null)
    {
        var all = (await Warehouses()).Select(w => w.Id).ToArray();
        var warehouses = onlyFrom is null ? Sourcing.Candidates(all, preferred, excluded).ToArray() : [onlyFrom];
        var levelsRead = Task.WhenAll(from w in warehouses from l in lines select Stock(w, l.Sku).GetLevel());
        var heldRead = AllocationsAt(all, lines);
        var levels = await levelsRead;
        var held = (await heldRead).Where(a => a.Reserved > 0 || a.Backordered > 0).ToArray();

        // A reservation resumed after a crash finds its own earlier holdings: they count as available to it,
        // so the plan reuses them instead of reserving the same units a second time elsewhere.
        var available = levels.ToDictionary(l => (l.WarehouseId, l.Sku), l => l.Available);
        foreach (var own in held.Where(h => available.ContainsKey((h.WarehouseId, h.Sku))))
        {
            available[(own.WarehouseId, own.Sku)] += own.Reserved;
        }

        var plan = Sourcing.Plan([.. lines.Select(l => (l.Sku, l.Quantity))], warehouses, (w, sku) => available[(w, sku)]);
        var answers = (await Task.WhenAll(plan.Select(d => Stock(d.WarehouseId, d.Sku).Demand(new StockDemand(orderId, d.Quantity, d.Backorder, placedAt)))))
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
                answers[(first, line.Sku)] = await Stock(first, line.Sku).Demand(new StockDemand(orderId, demand, Backorder: true, placedAt));
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

    /// <summary>What each warehouse holds for the order now (to resynchronise a backordered order).</summary>
    public async Task<ImmutableArray<Allocation>> Current(ImmutableArray<OrderLine> lines) =>
        await AllocationsAt([.. (await Warehouses()).Select(w => w.Id)], lines);

    /// <summary>Whether a warehouse of this id exists.</summary>
    public async Task<bool> IsWarehouse(string warehouseId) => (await Warehouses()).Any(w => w.Id == warehouseId);

    /// <summary>The pick list's units leave its warehouse.</summary>
    public Task Dispatch(PickList pickList) =>
        Task.WhenAll(pickList.Lines.Select(l => Stock(pickList.WarehouseId, l.Sku).Dispatch(orderId)));

    private async Task<ImmutableArray<Allocation>> AllocationsAt(string[] warehouses, ImmutableArray<OrderLine> lines) =>
        [.. await Task.WhenAll(from w in warehouses from l in lines select Stock(w, l.Sku).AllocationFor(orderId))];

    private Task<ImmutableArray<Warehouse>> Warehouses() => grains.GetGrain<IWarehouseDirectoryGrain>("default").List();

    private ISkuStockGrain Stock(string warehouseId, string sku) => grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));
}