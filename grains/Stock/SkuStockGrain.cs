using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Carts;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Wall;

namespace OrderGrid.Stock;

/// <summary>
/// Stock of one SKU in one warehouse (key <c>{warehouseId}/{sku}</c>), its only writer. Each request applies its
/// change in one turn (the rules are pure and synchronous, so nothing interleaves inside a check and no
/// interleaving can oversell), then waits for a group commit: requests arriving while a write is in flight are
/// stored together by the next write, and every answer follows the write that holds it. Waiting orders are told
/// one way, after the write; so are the wall (when the SKU runs out or comes back) and this silo's stock listeners.
/// </summary>
[GrainType("sku-stock")]
[Reentrant]
public sealed class SkuStockGrain(
    [PersistentState("stock", "stock")] IPersistentState<StockState> state,
    IEnumerable<IStockChangeListener> listeners,
    IOptions<CartOptions> carts,
    TimeProvider clock) : Grain, ISkuStockGrain
{
    private GroupCommit<StockState>? commit;

    private (string WarehouseId, string Sku) Key => StockKey.Parse(this.GetPrimaryKeyString());

    private GroupCommit<StockState> Commit => commit ?? throw new InvalidOperationException("The stock grain is not active.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The stored state is read by now: the group commit starts from it.
        commit = new GroupCommit<StockState>(state, DeactivateOnIdle);
        return base.OnActivateAsync(cancellationToken);
    }

    // Reads also wait for the changes they see to be stored: an order must never record units a failed write loses.
    public async Task<StockLevel> GetLevel()
    {
        var level = Level();
        await Commit.Durable();
        return level;
    }

    public async Task<Allocation> AllocationFor(string orderId)
    {
        var allocation = Allocation(orderId);
        await Commit.Durable();
        return allocation;
    }

    public async Task<StockPosition> PositionFor(string orderId)
    {
        var position = new StockPosition(Level(), Allocation(orderId));
        await Commit.Durable();
        return position;
    }

    public async Task<Allocation> Demand(StockDemand demand)
    {
        var (next, _, filled) = StockLedger.Demand(state.State, demand, carts.Value.MaxHeldShare);
        var allocation = Allocation(next, demand.OrderId);
        await Save(next, filled);
        return allocation;
    }

    public async Task<Allocation> Release(string orderId)
    {
        var (next, filled) = StockLedger.Release(state.State, orderId);
        var allocation = Allocation(next, orderId);
        await Save(next, filled);
        return allocation;
    }

    public async Task<Allocation> Dispatch(string orderId, int quantity, string dispatchId)
    {
        var (next, _) = StockLedger.Dispatch(state.State, orderId, quantity, dispatchId);
        var allocation = Allocation(next, orderId);
        await Save(next, []);
        return allocation;
    }

    public async Task<Outcome<StockLevel>> Receive(StockReceipt receipt)
    {
        var (next, filled, refusal) = StockLedger.Receive(state.State, receipt);
        if (refusal is not null)
        {
            return refusal;
        }

        return await Save(next, filled);
    }

    public async Task<Outcome<PurchaseOrder>> Expect(NewPurchaseOrder order)
    {
        var (next, answer) = StockLedger.Expect(state.State, order, clock.GetUtcNow());
        await Save(next, []);
        return answer;
    }

    public async Task<IReadOnlyList<PurchaseOrder>> PurchaseOrders()
    {
        var open = StockLedger.OpenPurchaseOrders(state.State);
        await Commit.Durable();
        return open;
    }

    public async Task<DateOnly?> ExpectedFor(string orderId)
    {
        var expected = StockLedger.ExpectedFor(state.State, orderId);
        await Commit.Durable();
        return expected;
    }

    public async Task<Outcome<StockLevel>> Adjust(StockAdjustment adjustment)
    {
        if (string.IsNullOrWhiteSpace(adjustment.Reason))
        {
            return Refusal.Invalid("stock.reason-required", "An adjustment needs a reason.");
        }

        if (StockLedger.Applied(state.State, adjustment.OperationId))
        {
            return await GetLevel();
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
        return await Save(next, filled);
    }

    /// <summary>
    /// Applies the change now and answers the level it made once a write holds it. A failed write puts back the
    /// stored state and reloads the grain, so an unstored change never answers a retry (its id would look applied).
    /// </summary>
    private async Task<StockLevel> Save(StockState next, ImmutableArray<string> filled)
    {
        var previous = state.State;
        state.State = next;
        var level = Level();
        await Commit.Durable();
        if (ReferenceEquals(next, previous))
        {
            return level;
        }

        foreach (var orderId in filled)
        {
            // One way: an order may be waiting on this grain right now; waiting on it in return would deadlock.
            GrainFactory.GetGrain<IOrderGrain>(orderId).StockAllocated(Allocation(orderId)).Ignore();
        }

        Announce(previous, next, level);
        TellExpectedDays(previous, next);
        return level;
    }

    /// <summary>
    /// A purchase order placed or received moves the day waiting orders can expect their units: each order whose day
    /// changed is told (one way), and notes it on its timeline for its followers.
    /// </summary>
    private void TellExpectedDays(StockState previous, StockState next)
    {
        if (ReferenceEquals(previous.PurchaseOrders, next.PurchaseOrders))
        {
            return;
        }

        var before = StockLedger.ExpectedDays(previous);
        foreach (var (orderId, day) in StockLedger.ExpectedDays(next))
        {
            if (before.GetValueOrDefault(orderId) != day)
            {
                GrainFactory.GetGrain<IOrderGrain>(orderId).ExpectedDayChanged(Key.Sku).Ignore();
            }
        }
    }

    private void Announce(StockState previous, StockState next, StockLevel level)
    {
        // On the way out, on the way back, and while out (the waiting orders change what the wall says).
        if (IsOut(previous) || IsOut(next))
        {
            GrainFactory.GetGrain<IOrderWallGrain>("default").TrackStock(level).Ignore();
        }

        foreach (var listener in listeners)
        {
            listener.StockChanged(level);
        }
    }

    private static bool IsOut(StockState stock) => StockOut.Is(stock.Available);

    private Allocation Allocation(string orderId) => Allocation(state.State, orderId);

    private Allocation Allocation(StockState stock, string orderId) =>
        StockLedger.ToAllocation(stock, orderId, Key.WarehouseId, Key.Sku);

    private StockLevel Level()
    {
        var s = state.State;
        return new StockLevel(Key.WarehouseId, Key.Sku, s.OnHand, s.Reserved, s.Available, s.Incoming, s.Backordered, s.Version);
    }
}