using OrderGrid.Stock;

namespace OrderGrid.Tests.OrderChanges;

/// <summary>Dispatching one pick list's units: the rest of a split order stays reserved, and a retry dispatches once.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class SplitStockTests
{
    private static readonly DateTimeOffset PlacedAt = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pick_list_takes_its_units_off_the_shelf_and_the_rest_stays_reserved()
    {
        var state = Waiting(onHand: 2, ordered: 5);

        var (dispatched, units) = StockLedger.Dispatch(state, "o1", 2, "o1-P1");
        var (retried, again) = StockLedger.Dispatch(dispatched, "o1", 2, "o1-P1");

        Assert.Equal((2, 0), (units, again));
        Assert.Same(dispatched, retried);
        Assert.Equal((0, 0, 0, 3), (dispatched.OnHand, dispatched.Reserved, dispatched.Available, dispatched.Backordered));
        Assert.True(dispatched.Version > state.Version);
    }

    [Fact]
    public void The_rest_arrives_is_reserved_and_leaves_with_the_next_pick_list()
    {
        var (shipped, _) = StockLedger.Dispatch(Waiting(onHand: 2, ordered: 5), "o1", 2, "o1-P1");

        var (received, filled) = StockLedger.ChangeOnHand(shipped, 3, "receipt-1");
        var (rest, units) = StockLedger.Dispatch(received, "o1", 3, "o1-P2");

        Assert.Equal(["o1"], filled.ToArray());
        Assert.Equal((3, 3, 0), (received.OnHand, received.Reserved, received.Available));
        Assert.Equal(3, units);
        Assert.Equal((0, 0), (rest.OnHand, rest.Reserved));
        Assert.False(rest.Orders.ContainsKey("o1"));
    }

    [Fact]
    public void A_dispatch_never_takes_more_than_the_order_holds()
    {
        var (state, _, _) = StockLedger.Demand(new StockState { OnHand = 10 }, new StockDemand("o1", 2, Backorder: false, PlacedAt));
        (state, _, _) = StockLedger.Demand(state, new StockDemand("o2", 3, Backorder: false, PlacedAt));

        var (dispatched, units) = StockLedger.Dispatch(state, "o1", 5, "o1-P1");

        Assert.Equal(2, units);
        Assert.Equal((8, 3, 5), (dispatched.OnHand, dispatched.Reserved, dispatched.Available));
        Assert.Equal(dispatched.OnHand, dispatched.Available + dispatched.Reserved);
    }

    private static StockState Waiting(int onHand, int ordered) =>
        StockLedger.Demand(new StockState { OnHand = onHand }, new StockDemand("o1", ordered, Backorder: true, PlacedAt)).State;
}