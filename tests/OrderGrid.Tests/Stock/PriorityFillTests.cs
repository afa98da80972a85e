using OrderGrid.Rules;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Stock;

[Trait(Lane.Name, Lane.Fast)]
public sealed class PriorityFillTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Arriving_stock_fills_the_most_urgent_waiting_order_first_then_the_oldest()
    {
        var state = new StockState();
        state = Wait(state, "normal-oldest", T0, OrderPriority.Normal);
        state = Wait(state, "express", T0.AddMinutes(30), OrderPriority.Express);
        state = Wait(state, "vip", T0.AddHours(1), OrderPriority.Vip);
        state = Wait(state, "express-earlier", T0.AddMinutes(10), OrderPriority.Express);

        var (received, filled) = StockLedger.ChangeOnHand(state, 5, "receipt-1");

        Assert.Equal<string>(["vip", "express-earlier", "express"], filled);
        Assert.Equal((2, 0), (received.Orders["vip"].Reserved, received.Orders["vip"].Backordered));
        Assert.Equal((2, 0), (received.Orders["express-earlier"].Reserved, received.Orders["express-earlier"].Backordered));
        Assert.Equal((1, 1), (received.Orders["express"].Reserved, received.Orders["express"].Backordered));
        Assert.Equal((0, 2), (received.Orders["normal-oldest"].Reserved, received.Orders["normal-oldest"].Backordered));
    }

    [Fact]
    public void Orders_of_one_priority_placed_at_the_same_time_are_filled_by_order_id()
    {
        var state = Wait(Wait(new StockState(), "o-b", T0, OrderPriority.Express), "o-a", T0, OrderPriority.Express);

        var (_, filled) = StockLedger.ChangeOnHand(state, 2, "receipt-1");

        Assert.Equal<string>(["o-a"], filled);
    }

    [Fact]
    public void A_demand_that_takes_over_a_hold_gets_its_units_before_waiting_orders()
    {
        var state = StockLedger.ChangeOnHand(new StockState(), 3, "receipt-1").State;
        state = StockLedger.Demand(state, new StockDemand("cart:c1:1", 3, Backorder: false, T0)).State;
        state = Wait(state, "vip", T0, OrderPriority.Vip);

        var (next, allocation, filled) = StockLedger.Demand(state, new StockDemand("o1", 2, Backorder: false, T0, TakesOverHold: "cart:c1:1"));

        Assert.Equal(2, allocation.Reserved);
        Assert.Equal<string>(["vip"], filled);
        Assert.Equal((1, 1), (next.Orders["vip"].Reserved, next.Orders["vip"].Backordered));
        Assert.False(next.Orders.ContainsKey("cart:c1:1"));
        Assert.Equal((3, 3, 0), (next.OnHand, next.Reserved, next.Available));
    }

    private static StockState Wait(StockState state, string orderId, DateTimeOffset placedAt, OrderPriority priority) =>
        StockLedger.Demand(state, new StockDemand(orderId, 2, Backorder: true, placedAt, Priority: priority)).State;
}