using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Tests.Domain;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.OrderChanges;

/// <summary>
/// The customer's choices when stock is short, pure. <see cref="AnOrder"/> backordered: SKU-B, C, D reserved in w2, w3,
/// w4 at 10.00 each; SKU-A (1 unit) waits in w1.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class ShortageChoiceLifecycleTests
{
    public static TheoryData<OrderStatus> NotWaiting() => [.. Enum.GetValues<OrderStatus>().Except([Backordered])];

    [Fact]
    public void Waiting_is_recorded_with_the_customer_as_actor_and_the_order_keeps_waiting()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Backordered), new WaitForStockCommand(AnOrder.Customer, AnOrder.Later));

        Assert.True(result.Accepted);
        Assert.Equal(Backordered, result.State.Status);
        var entry = Assert.Single(result.Events);
        Assert.Equal((EventKinds.ShortageWaitForStock, ActorKind.Customer), (entry.Kind, entry.Actor.Kind));
        Assert.Equal("You chose to wait for everything: we will send your order complete as soon as the missing items arrive.", entry.CustomerDescription);
        Assert.Equal(AnOrder.In(Backordered).Lines.Select(l => (l.Sku, l.Quantity, l.Reserved)), result.State.Lines.Select(l => (l.Sku, l.Quantity, l.Reserved)));
        Assert.True(OrderLifecycle.ChoseToWait(result.State));
        Assert.DoesNotContain(OrderAction.WaitForStock, result.State.ToView().CustomerActions);
        Assert.Contains(OrderAction.ShipAvailableNow, result.State.ToView().CustomerActions);
    }

    [Fact]
    public void Waiting_twice_is_refused_but_a_new_shortage_asks_again()
    {
        var waited = OrderLifecycle.Decide(AnOrder.In(Backordered), new WaitForStockCommand(AnOrder.Customer, AnOrder.Later)).State;

        var again = OrderLifecycle.Decide(waited, new WaitForStockCommand(AnOrder.Customer, AnOrder.Later));
        var shortAgain = waited with
        {
            Timeline = waited.Timeline.Add(new TimelineEntry(waited.Version + 1, AnOrder.Later, EventKinds.OrderBackordered, "Delayed.", Actor.System, Backordered)),
        };

        Assert.Equal("order.already-waiting", again.Refusal?.Code);
        Assert.Contains(OrderAction.WaitForStock, shortAgain.ToView().CustomerActions);
    }

    [Theory]
    [MemberData(nameof(NotWaiting))]
    public void Only_a_backordered_order_can_wait_by_choice(OrderStatus status)
    {
        var result = OrderLifecycle.Decide(AnOrder.In(status), new WaitForStockCommand(AnOrder.Customer, AnOrder.Later));

        Assert.Equal(RefusalKind.Conflict, result.Refusal?.Kind);
        Assert.DoesNotContain(OrderAction.WaitForStock, AnOrder.In(status).ToView().CustomerActions);
    }

    [Fact]
    public void Shipping_what_is_here_now_records_the_customers_choice_before_the_split_in_their_words()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Backordered), new SplitOrderCommand(AnOrder.Customer, AnOrder.Later));

        Assert.Equal(Processing, result.State.Status);
        Assert.Equal([EventKinds.ShortageShipAvailableNow, "order.split"], result.Events.Select(e => e.Kind));
        Assert.All(result.Events, e => Assert.Equal(ActorKind.Customer, e.Actor.Kind));
        Assert.Equal("Shipping now: 3 items; 1 item to follow as soon as the stock arrives.", result.Events[1].CustomerDescription);
    }

    [Fact]
    public void Staff_splitting_records_no_customer_choice()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Backordered), new SplitOrderCommand(AnOrder.Staff, AnOrder.Later));

        Assert.Equal(["order.split"], result.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Dropping_what_is_missing_keeps_the_reserved_units_and_records_the_refund_of_the_rest()
    {
        var state = AnOrder.In(Backordered);
        state = state with { Lines = state.Lines.SetItem(1, state.Lines[1] with { Quantity = 3, Allocations = [new LineAllocation("w2", 1, 2, 1)] }) };

        var result = OrderLifecycle.Decide(state, new DropMissingLinesCommand([], AnOrder.Customer, AnOrder.Later));

        Assert.True(result.Accepted, result.Refusal?.Message);
        Assert.Equal([("SKU-B", 1), ("SKU-C", 1), ("SKU-D", 1)], result.State.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal([EventKinds.ShortageDropMissingLines, "order.modified", EventKinds.OrderRefundRecorded], result.Events.Select(e => e.Kind));
        Assert.All(result.Events, e => Assert.Equal(ActorKind.Customer, e.Actor.Kind));
        var refund = Assert.Single(result.State.Refunds);
        Assert.Equal((30m, ActorKind.Customer), (refund.Amount, refund.By.Kind));
        Assert.Equal("Refund of 30.00 recorded for the dropped units (1 × Product SKU-A, 2 × Product SKU-B).", result.Events[2].Description);
        Assert.Equal("Refund recorded for the 3 items we could not send.", result.Events[2].CustomerDescription);
        Assert.Contains(new AdjustReservation(), result.State.Steps);
        Assert.Contains(new ReturnStock(["SKU-A"]), result.State.Steps);
        Assert.Equal(30m, Assert.Single(result.State.ToView().Refunds).Amount);
    }

    [Fact]
    public void Dropping_is_refused_when_nothing_is_missing_or_nothing_would_be_left()
    {
        var nothingReserved = AnOrder.In(Backordered) with
        {
            Lines = [.. AnOrder.Lines.Select(l => l with { Allocations = [new LineAllocation(AnOrder.WarehouseOf(l.Sku), 0, 1, 1)] })],
        };

        var reserved = OrderLifecycle.Decide(AnOrder.In(Reserved), new DropMissingLinesCommand([], AnOrder.Customer, AnOrder.Later));
        var empty = OrderLifecycle.Decide(nothingReserved, new DropMissingLinesCommand([], AnOrder.Customer, AnOrder.Later));
        var picking = OrderLifecycle.Decide(AnOrder.In(Processing), new DropMissingLinesCommand([], AnOrder.Customer, AnOrder.Later));

        Assert.Equal("order.nothing-missing", reserved.Refusal?.Code);
        Assert.Equal("order.nothing-reserved", empty.Refusal?.Code);
        Assert.Equal(RefusalKind.Conflict, picking.Refusal?.Kind);
        Assert.DoesNotContain(OrderAction.DropMissingLines, nothingReserved.ToView().CustomerActions);
        Assert.DoesNotContain(OrderAction.WaitForStock, nothingReserved.ToView().CustomerActions);
    }

    [Fact]
    public void The_customer_reads_no_warehouse_pick_list_street_or_counted_lines_from_start_to_delivery()
    {
        var state = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing()).State;
        var at = AnOrder.Later;
        ImmutableArray<OrderCommand> commands =
        [
            new StepDoneCommand(new ReserveStock(), [.. AnOrder.FullyReserved().Select(a => a.Sku == "SKU-A" ? a with { Reserved = 0, Backordered = 1 } : a)], Actor.System, at),
            new ModifyOrderCommand(state.Lines, AnOrder.ShipTo with { Line1 = "2 Secret Lane", City = "Leeds" }, Correction: false, [], AnOrder.Customer, at),
            new SplitOrderCommand(AnOrder.Customer, at),
            new MarkPickedCommand(AnOrder.PickListId(1), AnOrder.Staff, at),
            new MarkPackedCommand(AnOrder.PickListId(1), AnOrder.Staff, at),
        ];
        foreach (var command in commands)
        {
            var result = OrderLifecycle.Decide(state, command);
            Assert.True(result.Accepted, $"{command.GetType().Name}: {result.Refusal?.Message}");
            state = result.State;
        }

        var words = state.Timeline.Select(e => e.CustomerDescription ?? e.Description).ToArray();
        foreach (var internalWord in new[] { "w1", "w2", "w3", "w4", "-P1", "(s)", "line", "Secret Lane" })
        {
            Assert.DoesNotContain(words, w => w.Contains(internalWord, StringComparison.Ordinal));
        }

        Assert.Contains("Order placed: 4 items.", words);
        Assert.Contains(words, w => w.StartsWith("Changed: new delivery address N1 9GU Leeds, GB", StringComparison.Ordinal));
    }
}