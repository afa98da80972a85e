using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Wall;

namespace OrderGrid.Stock;

/// <summary>
/// Stock of one SKU in one warehouse (key <c>{warehouseId}/{sku}</c>), its only writer. Not reentrant: requests
/// are applied one at a time, so no interleaving can oversell. Waiting orders are told one way, after the write;
/// so are the wall (when the SKU runs out or comes back) and this silo's stock listeners.
/// </summary>
[GrainType("sku-stock")]
public sealed class SkuStockGrain(
    [PersistentState("stock", "stock")] IPersistentState<StockState> state,
    IEnumerable<IStockChangeListener> listeners,
    TimeProvider clock) : Grain, ISkuStockGrain
{
    private (string WarehouseId, string Sku) Key => StockKey.Parse(this.GetPrimaryKeyString());

    public Task<StockLevel> GetLevel() => Task.FromResult(Level());

    public Task<Allocation> AllocationFor(string orderId) => Task.FromResult(Allocation(orderId));

    public async Task<Allocation> Demand(StockDemand demand)
    {
        var (next, _, filled) = StockLedger.Demand(state.State, demand);
        await Save(next, filled);
        return Allocation(demand.OrderId);
    }

    public async Task<Allocation> Release(string orderId)
    {
        var (next, filled) = StockLedger.Release(state.State, orderId);
        await Save(next, filled);
        return Allocation(orderId);
    }

    public async Task<int> Dispatch(string orderId)
    {
        var (next, dispatched) = StockLedger.Dispatch(state.State, orderId);
        await Save(next, []);
        return dispatched;
    }

    public async Task<Allocation> Dispatch(string orderId, int quantity, string dispatchId)
    {
        var (next, _) = StockLedger.Dispatch(state.State, orderId, quantity, dispatchId);
        await Save(next, []);
        return Allocation(orderId);
    }

    public async Task<Outcome<StockLevel>> Receive(StockReceipt receipt)
    {
        var (next, filled, refusal) = StockLedger.Receive(state.State, receipt);
        if (refusal is not null)
        {
            return refusal;
        }

        await Save(next, filled);
        return Level();
    }

    public async Task<Outcome<PurchaseOrder>> Expect(NewPurchaseOrder order)
    {
        var (next, answer) = StockLedger.Expect(state.State, order, clock.GetUtcNow());
        await Save(next, []);
        return answer;
    }

    public Task<IReadOnlyList<PurchaseOrder>> PurchaseOrders() => Task.FromResult(StockLedger.OpenPurchaseOrders(state.State));

    public async Task<Outcome<StockLevel>> Adjust(StockAdjustment adjustment)
    {
        if (string.IsNullOrWhiteSpace(adjustment.Reason))
        {
            return Refusal.Invalid("stock.reason-required", "An adjustment needs a reason.");
        }

        if (StockLedger.Applied(state.State, adjustment.OperationId))
        {
            return Level();
        }

        if (adjustment.Delta == 0 || Math.Abs((long)adjustment.Delta) > 1_000_000)
        {
            return Refusal.Invalid("stock.invalid-quantity", "An adjustment changes on-hand stock by 1 to 1,000,000 units, up or down.");
        }

        if (state.State.OnHand + adjustment.Delta < state.State.Reserved)
        {
            return Refusal.Conflict("stock.reserved-exceeds-on-hand", $"On hand would drop below the {state.State.Reserved} units reserved for orders.");
        }

        var (next, filled) = StockLedger.ChangeOnHand(state.State, adjustment.Delta, adjustment.OperationId);
        await Save(next, filled);
        return Level();
    }

    private async Task Save(StockState next, ImmutableArray<string> filled)
    {
        if (ReferenceEquals(next, state.State))
        {
            return;
        }

        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // An unstored change must not answer a retry (its operation id would look applied): reload instead.
            state.State = previous;
            DeactivateOnIdle();
            throw;
        }

        foreach (var orderId in filled)
        {
            // One way: an order may be waiting on this grain right now; waiting on it in return would deadlock.
            GrainFactory.GetGrain<IOrderGrain>(orderId).StockAllocated(Allocation(orderId)).Ignore();
        }

        Announce(previous);
    }

    private void Announce(StockState previous)
    {
        var level = Level();
        // On the way out, on the way back, and while out (the waiting orders change what the wall says).
        if (IsOut(previous) || IsOut(state.State))
        {
            GrainFactory.GetGrain<IOrderWallGrain>("default").TrackStock(level).Ignore();
        }

        foreach (var listener in listeners)
        {
            listener.StockChanged(level);
        }
    }

    // Out of stock: nothing left to promise where something has happened (a receipt, or an order that waits).
    private static bool IsOut(StockState stock) => stock.Version > 0 && stock.Available <= 0;

    private Allocation Allocation(string orderId) =>
        StockLedger.ToAllocation(state.State, orderId, Key.WarehouseId, Key.Sku);

    private StockLevel Level()
    {
        var s = state.State;
        return new StockLevel(Key.WarehouseId, Key.Sku, s.OnHand, s.Reserved, s.Available, s.Incoming, s.Backordered, s.Version);
    }
}