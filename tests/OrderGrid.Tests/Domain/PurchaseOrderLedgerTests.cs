using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class PurchaseOrderLedgerTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 10, 23, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2030, 3, 10);
    private static readonly Actor Planner = Actor.Staff("planner-test");

    [Fact]
    public void An_expected_order_counts_as_incoming_and_nothing_else()
    {
        var (state, answer) = StockLedger.Expect(new StockState { OnHand = 5 }, Order("po-1", 40, Today.AddDays(7)), Now);

        Assert.Equal(new PurchaseOrder("po-1", 40, 0, Today.AddDays(7), Now, Planner), answer.Value);
        Assert.Equal((5, 0, 5, 40), (state.OnHand, state.Reserved, state.Available, state.Incoming));
        Assert.Equal(1, state.Version);
        Assert.Equal([answer.Value!], StockLedger.OpenPurchaseOrders(state));
    }

    [Fact]
    public void Expecting_the_same_id_again_answers_the_existing_order_and_changes_nothing()
    {
        var (once, first) = StockLedger.Expect(new StockState(), Order("po-1", 40, Today.AddDays(7)), Now);

        var (twice, again) = StockLedger.Expect(once, Order("po-1", 40, Today.AddDays(9)), Now.AddDays(1));

        Assert.Same(once, twice);
        Assert.Equal(first.Value, again.Value);
    }

    [Fact]
    public void The_same_id_with_another_quantity_is_a_conflict()
    {
        var (once, _) = StockLedger.Expect(new StockState(), Order("po-1", 40, Today), Now);

        var (twice, answer) = StockLedger.Expect(once, Order("po-1", 41, Today), Now);

        Assert.Same(once, twice);
        Assert.Equal((RefusalKind.Conflict, "stock.purchase-order-conflict"), (answer.Refusal!.Kind, answer.Refusal.Code));
    }

    [Theory]
    [InlineData("po-1", 0, 1, "quantity")]
    [InlineData("po-1", 1_000_001, 1, "quantity")]
    [InlineData("po-1", 10, -1, "expectedOn")]
    [InlineData("po-1", 10, 366, "expectedOn")]
    [InlineData(" ", 10, 1, "id")]
    [InlineData("po\n1", 10, 1, "id")]
    public void An_order_of_no_or_absurd_quantity_or_out_of_reach_day_is_invalid(string id, int quantity, int daysAhead, string field)
    {
        var state = new StockState();

        var (after, answer) = StockLedger.Expect(state, Order(id, quantity, Today.AddDays(daysAhead)), Now);

        Assert.Same(state, after);
        Assert.Equal(RefusalKind.Invalid, answer.Refusal!.Kind);
        Assert.Equal([field], answer.Refusal.Errors!.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    public void Today_and_a_year_ahead_are_within_reach(int daysAhead)
    {
        var (_, answer) = StockLedger.Expect(new StockState(), Order("po-1", 1, Today.AddDays(daysAhead)), Now);

        Assert.True(answer.Succeeded, answer.Refusal?.Message);
    }

    [Fact]
    public void Receiving_against_an_order_lowers_what_it_still_owes()
    {
        var expected = Expect(new StockState { OnHand = 2 }, ("po-1", 30), ("po-2", 10));

        var (state, _, refusal) = StockLedger.Receive(expected, Receipt(12, "r1", "po-1"));

        Assert.Null(refusal);
        Assert.Equal((14, 14, 28), (state.OnHand, state.Available, state.Incoming));
        Assert.Equal([(18, "po-1"), (10, "po-2")], StockLedger.OpenPurchaseOrders(state).Select(o => (o.Outstanding, o.Id)));
    }

    [Fact]
    public void Receiving_more_than_owed_receives_it_all_and_closes_the_order()
    {
        var expected = Expect(new StockState(), ("po-1", 30));

        var (state, _, refusal) = StockLedger.Receive(expected, Receipt(35, "r1", "po-1"));

        Assert.Null(refusal);
        Assert.Equal((35, 0), (state.OnHand, state.Incoming));
        Assert.Empty(StockLedger.OpenPurchaseOrders(state));
        Assert.Equal(35, state.PurchaseOrders["po-1"].Received);
    }

    [Fact]
    public void Receiving_against_an_unknown_or_closed_order_is_refused_and_changes_nothing()
    {
        var (closed, _, _) = StockLedger.Receive(Expect(new StockState(), ("po-1", 30)), Receipt(30, "r1", "po-1"));

        var (afterUnknown, _, unknown) = StockLedger.Receive(closed, Receipt(5, "r2", "po-nope"));
        var (afterClosed, _, again) = StockLedger.Receive(closed, Receipt(5, "r3", "po-1"));

        Assert.Equal((RefusalKind.NotFound, "stock.purchase-order-not-found"), (unknown!.Kind, unknown.Code));
        Assert.Equal((RefusalKind.Conflict, "stock.purchase-order-closed"), (again!.Kind, again.Code));
        Assert.Same(closed, afterUnknown);
        Assert.Same(closed, afterClosed);
    }

    [Fact]
    public void A_retried_receipt_against_an_order_is_applied_once_even_after_it_closed_the_order()
    {
        var (once, _, _) = StockLedger.Receive(Expect(new StockState(), ("po-1", 30)), Receipt(30, "r1", "po-1"));

        var (twice, filled, refusal) = StockLedger.Receive(once, Receipt(30, "r1", "po-1"));

        Assert.Null(refusal);
        Assert.Same(once, twice);
        Assert.Empty(filled);
        Assert.Equal(30, twice.OnHand);
    }

    [Fact]
    public void A_receipt_against_an_order_fills_backorders_and_keeps_stock_conserved()
    {
        var waiting = StockLedger.Demand(Expect(new StockState(), ("po-1", 10)), new StockDemand("o1", 4, Backorder: true, Now)).State;

        var (state, filled, _) = StockLedger.Receive(waiting, Receipt(6, "r1", "po-1"));

        Assert.Equal("o1", Assert.Single(filled));
        Assert.Equal((6, 4, 2, 0, 4), (state.OnHand, state.Reserved, state.Available, state.Backordered, state.Incoming));
        Assert.Equal(state.OnHand, state.Available + state.Reserved);
    }

    [Fact]
    public void A_closed_order_is_remembered_so_that_a_late_retry_does_not_order_it_again()
    {
        var (closed, _, _) = StockLedger.Receive(Expect(new StockState(), ("po-1", 30)), Receipt(30, "r1", "po-1"));

        var (after, answer) = StockLedger.Expect(closed, Order("po-1", 30, Today), Now);

        Assert.Same(closed, after);
        Assert.Equal(0, answer.Value!.Outstanding);
        Assert.Equal(0, after.Incoming);
    }

    [Fact]
    public void Only_the_most_recently_closed_orders_are_remembered()
    {
        var state = new StockState();
        for (var i = 0; i <= StockLedger.MaxClosedPurchaseOrders; i++)
        {
            state = Expect(state, ($"po-{i}", 1));
            (state, _, _) = StockLedger.Receive(state, Receipt(1, $"r{i}", $"po-{i}"));
        }

        Assert.Equal(StockLedger.MaxClosedPurchaseOrders, state.PurchaseOrders.Count);
        Assert.False(state.PurchaseOrders.ContainsKey("po-0"));
        Assert.Equal(StockLedger.MaxClosedPurchaseOrders + 1, state.OnHand);
    }

    [Fact]
    public void Open_orders_per_stock_are_bounded()
    {
        var state = new StockState();
        for (var i = 0; i < StockLedger.MaxOpenPurchaseOrders; i++)
        {
            state = Expect(state, ($"po-{i}", 1_000_000));
        }

        var (after, answer) = StockLedger.Expect(state, Order("po-more", 1, Today), Now);

        Assert.Same(state, after);
        Assert.Equal((RefusalKind.Conflict, "stock.too-many-purchase-orders"), (answer.Refusal!.Kind, answer.Refusal.Code));
        Assert.Equal(100_000_000, state.Incoming);
    }

    private static NewPurchaseOrder Order(string id, int quantity, DateOnly expectedOn) => new(id, quantity, expectedOn, Planner);

    private static StockReceipt Receipt(int quantity, string operationId, string? purchaseOrderId) =>
        new(quantity, "delivery", Planner, operationId, purchaseOrderId);

    private static StockState Expect(StockState state, params (string Id, int Quantity)[] orders)
    {
        foreach (var (id, quantity) in orders)
        {
            var (next, answer) = StockLedger.Expect(state, Order(id, quantity, Today.AddDays(3)), Now);
            Assert.True(answer.Succeeded, answer.Refusal?.Message);
            state = next;
        }

        return state;
    }
}