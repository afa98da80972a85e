using OrderGrid.Stock;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class StockLedgerTests
{
    private const double HalfForCarts = 0.5;

    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Demanding_the_same_quantity_twice_reserves_once()
    {
        var once = Demand(OnHand(10), "o1", 3);

        var (twice, allocation, filled) = StockLedger.Demand(once, new StockDemand("o1", 3, Backorder: true, T0));

        Assert.Same(once, twice);
        Assert.Equal((3, 0), (allocation.Reserved, allocation.Backordered));
        Assert.Empty(filled);
        Assert.Equal((10, 3, 7), (twice.OnHand, twice.Reserved, twice.Available));
    }

    [Fact]
    public void A_larger_demand_reserves_only_the_difference()
    {
        var state = Demand(Demand(OnHand(10), "o1", 3), "o1", 5);

        Assert.Equal((5, 5), (state.Reserved, state.Available));
        Assert.Equal(5, state.Orders["o1"].Reserved);
    }

    [Fact]
    public void A_smaller_demand_releases_the_difference()
    {
        var state = Demand(Demand(OnHand(10), "o1", 5), "o1", 2);

        Assert.Equal((2, 8), (state.Reserved, state.Available));
    }

    [Fact]
    public void A_demand_beyond_what_is_available_backorders_the_rest_when_asked()
    {
        var state = OnHand(3);

        var (backordering, allocation, _) = StockLedger.Demand(state, new StockDemand("o1", 5, Backorder: true, T0));
        var (notBackordering, partial, _) = StockLedger.Demand(state, new StockDemand("o2", 5, Backorder: false, T0));

        Assert.Equal((3, 2), (allocation.Reserved, allocation.Backordered));
        Assert.Equal((3, 2), (backordering.Reserved, backordering.Backordered));
        Assert.Equal((3, 0), (partial.Reserved, partial.Backordered));
        Assert.Equal(0, notBackordering.Backordered);
    }

    [Fact]
    public void Releasing_twice_releases_once()
    {
        var reserved = Demand(Demand(OnHand(10), "o1", 4), "o2", 3);

        var (once, _) = StockLedger.Release(reserved, "o1");
        var (twice, filled) = StockLedger.Release(once, "o1");

        Assert.Equal((3, 7), (once.Reserved, once.Available));
        Assert.Same(once, twice);
        Assert.Empty(filled);
    }

    [Fact]
    public void A_release_fills_waiting_orders_oldest_first()
    {
        var state = Demand(OnHand(2), "holder", 2, T0);
        state = Demand(state, "newer", 2, T0.AddMinutes(2));
        state = Demand(state, "older", 1, T0.AddMinutes(1));

        var (released, filled) = StockLedger.Release(state, "holder");

        Assert.Equal(["older", "newer"], filled.AsEnumerable());
        Assert.Equal((1, 0), (released.Orders["older"].Reserved, released.Orders["older"].Backordered));
        Assert.Equal((1, 1), (released.Orders["newer"].Reserved, released.Orders["newer"].Backordered));
        Assert.Equal(0, released.Available);
    }

    [Fact]
    public void A_smaller_demand_gives_the_freed_units_to_waiting_orders()
    {
        var state = Demand(OnHand(3), "o1", 3, T0);
        state = Demand(state, "o2", 2, T0.AddMinutes(1));

        var (reduced, _, filled) = StockLedger.Demand(state, new StockDemand("o1", 1, Backorder: true, T0));

        Assert.Equal(["o2"], filled.AsEnumerable());
        Assert.Equal((2, 0), (reduced.Orders["o2"].Reserved, reduced.Orders["o2"].Backordered));
        Assert.Equal((3, 0), (reduced.Reserved, reduced.Available));
    }

    [Fact]
    public void A_receipt_fills_waiting_orders_oldest_first()
    {
        var state = Demand(OnHand(0), "late", 2, T0.AddMinutes(2));
        state = Demand(state, "early", 2, T0.AddMinutes(1));

        var (received, filled) = StockLedger.ChangeOnHand(state, 3, "receipt-1");

        Assert.Equal(["early", "late"], filled.AsEnumerable());
        Assert.Equal((2, 0), (received.Orders["early"].Reserved, received.Orders["early"].Backordered));
        Assert.Equal((1, 1), (received.Orders["late"].Reserved, received.Orders["late"].Backordered));
        Assert.Equal((3, 3, 0, 1), (received.OnHand, received.Reserved, received.Available, received.Backordered));
        Assert.True(StockLedger.Applied(received, "receipt-1"));
    }

    [Fact]
    public void Orders_placed_at_the_same_moment_are_filled_in_order_id_order()
    {
        var state = Demand(OnHand(0), "o-b", 1, T0);
        state = Demand(state, "o-a", 1, T0);

        var (_, filled) = StockLedger.ChangeOnHand(state, 1, "receipt-1");

        Assert.Equal(["o-a"], filled.AsEnumerable());
    }

    [Fact]
    public void A_receipt_with_nobody_waiting_only_adds_stock()
    {
        var (received, filled) = StockLedger.ChangeOnHand(Demand(OnHand(1), "o1", 1), 4, "receipt-1");

        Assert.Empty(filled);
        Assert.Equal((5, 1, 4), (received.OnHand, received.Reserved, received.Available));
    }

    [Fact]
    public void Dispatch_takes_the_reserved_units_off_the_shelf_once()
    {
        var state = Demand(Demand(OnHand(10), "o1", 4), "o2", 1);

        var (dispatched, units) = StockLedger.Dispatch(state, "o1", 4, "o1-P1");
        var (again, more) = StockLedger.Dispatch(dispatched, "o1", 4, "o1-P1");

        Assert.Equal(4, units);
        Assert.Equal((6, 1, 5), (dispatched.OnHand, dispatched.Reserved, dispatched.Available));
        Assert.False(dispatched.Orders.ContainsKey("o1"));
        Assert.Equal(0, more);
        Assert.Same(dispatched, again);
    }

    [Fact]
    public void Newer_news_of_an_order_carries_a_higher_version()
    {
        var first = StockLedger.ToAllocation(Demand(OnHand(0), "o1", 2), "o1");
        var (received, _) = StockLedger.ChangeOnHand(Demand(OnHand(0), "o1", 2), 1, "receipt-1");

        var second = StockLedger.ToAllocation(received, "o1");

        Assert.True(second.Version > first.Version);
    }

    /// <summary>
    /// A seeded random walk through every operation, as the stock grain performs them (a removal never takes on-hand
    /// below what is reserved). Checked after every step: no unit appears or vanishes, nothing is over-promised, and
    /// no order waits while units sit free.
    /// </summary>
    [Theory]
    [InlineData(20300101)]
    [InlineData(7)]
    [InlineData(424242)]
    public void Stock_is_conserved_through_any_sequence_of_operations(int seed)
    {
        var random = new Random(seed);
        var orders = Enumerable.Range(1, 8).Select(i => $"o{i}").ToArray();
        var demanded = orders.ToDictionary(o => o, _ => 0);
        var state = new StockState();
        var (received, removed, dispatched) = (0, 0, 0);

        for (var step = 0; step < 5_000; step++)
        {
            var order = orders[random.Next(orders.Length)];
            switch (random.Next(5))
            {
                case 0:
                    var quantity = random.Next(0, 7);
                    var backorder = random.Next(4) > 0;
                    (state, _, _) = StockLedger.Demand(state, new StockDemand(order, quantity, backorder, T0.AddSeconds(random.Next(100))));
                    demanded[order] = quantity;
                    break;
                case 1:
                    (state, _) = StockLedger.Release(state, order);
                    demanded[order] = 0;
                    break;
                case 2:
                    int units;
                    (state, units) = StockLedger.Dispatch(state, order, random.Next(1, 7), $"dispatch-{step}");
                    dispatched += units;
                    demanded[order] -= units;
                    break;
                case 3:
                    var receipt = random.Next(1, 6);
                    (state, _) = StockLedger.ChangeOnHand(state, receipt, $"op-{step}");
                    received += receipt;
                    break;
                default:
                    var removal = random.Next(1, 4);
                    if (state.OnHand - removal >= state.Reserved)
                    {
                        (state, _) = StockLedger.ChangeOnHand(state, -removal, $"op-{step}");
                        removed += removal;
                    }

                    break;
            }

            Assert.Equal(received - removed - dispatched, state.OnHand);
            Assert.Equal(state.OnHand, state.Available + state.Reserved);
            Assert.True(state.Reserved >= 0, $"step {step}: reserved {state.Reserved}");
            Assert.True(state.Available >= 0, $"step {step}: available {state.Available}");
            Assert.True(state.Backordered == 0 || state.Available == 0, $"step {step}: {state.Backordered} waiting while {state.Available} free");
            Assert.All(state.Orders, o =>
            {
                Assert.True(o.Value.Reserved >= 0 && o.Value.Backordered >= 0 && o.Value.Reserved + o.Value.Backordered > 0, $"step {step}: {o.Key} {o.Value}");
                Assert.True(o.Value.Reserved + o.Value.Backordered <= demanded[o.Key], $"step {step}: {o.Key} holds more than it asked for");
            });
        }
    }

    [Fact]
    public void Cart_holds_together_keep_at_most_their_share_of_what_orders_have_not_reserved()
    {
        var state = Demand(OnHand(20), "order", 4);

        state = Hold(state, "cart:a", 10_000);
        state = Hold(state, "cart:b", 10_000);
        state = Hold(state, "cart:c", 3);

        // Half of the 16 units orders left: 8, all to the first hold; nothing is backordered for a hold.
        Assert.Equal((8, 0, 0), (state.Orders["cart:a"].Reserved, state.Orders.GetValueOrDefault("cart:b")?.Reserved ?? 0, state.Orders.GetValueOrDefault("cart:c")?.Reserved ?? 0));
        Assert.Equal((12, 8, 8, 0), (state.Reserved, state.Held, state.Available, state.Backordered));

        var (afterOrder, order, _) = StockLedger.Demand(state, new StockDemand("real", 8, Backorder: true, T0), HalfForCarts);

        Assert.Equal((8, 0), (order.Reserved, order.Backordered));
        Assert.Equal((20, 0, 8), (afterOrder.Reserved, afterOrder.Available, afterOrder.Held));
    }

    [Fact]
    public void A_hold_over_its_share_after_orders_took_units_is_kept_but_cannot_grow_and_can_shrink()
    {
        var state = Hold(OnHand(10), "cart:a", 5);
        state = Demand(state, "order", 4);

        var grown = Hold(state, "cart:a", 6);
        var shrunk = Hold(state, "cart:a", 2);
        var other = Hold(shrunk, "cart:b", 5);

        Assert.Equal(5, grown.Orders["cart:a"].Reserved);
        Assert.Equal((2, 2), (shrunk.Orders["cart:a"].Reserved, shrunk.Held));
        Assert.Equal(1, other.Orders["cart:b"].Reserved);
    }

    [Fact]
    public void An_order_taking_over_a_hold_is_no_longer_counted_as_held()
    {
        var state = Hold(OnHand(10), "cart:a", 5);

        var (next, allocation, _) = StockLedger.Demand(state, new StockDemand("order", 5, Backorder: true, T0, TakesOverHold: "cart:a"), HalfForCarts);

        Assert.Equal((5, 5, 0), (allocation.Reserved, next.Reserved, next.Held));
        Assert.Equal(2, Hold(next, "cart:b", 5).Held);
    }

    private static StockState Hold(StockState state, string holdId, int quantity) =>
        StockLedger.Demand(state, new StockDemand(holdId, quantity, Backorder: true, T0, Hold: true), HalfForCarts).State;

    private static StockState OnHand(int units) => new() { OnHand = units };

    private static StockState Demand(StockState state, string orderId, int quantity, DateTimeOffset? placedAt = null) =>
        StockLedger.Demand(state, new StockDemand(orderId, quantity, Backorder: true, placedAt ?? T0)).State;
}