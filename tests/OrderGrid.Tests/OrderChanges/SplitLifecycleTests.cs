using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;
using OrderGrid.Tests.Domain;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.OrderChanges;

/// <summary>
/// The explicit split, pure. <see cref="AnOrder"/> backordered: SKU-B, C, D reserved in w2, w3, w4; SKU-A waits in w1.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class SplitLifecycleTests
{
    private static readonly OrderStatus[] Statuses = Enum.GetValues<OrderStatus>();

    public static TheoryData<OrderStatus> NotSplittable() => [.. Statuses.Except([Backordered, Reserved])];

    [Fact]
    public void A_split_issues_pick_lists_for_the_reserved_units_only()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Backordered), Splitting());

        Assert.True(result.Accepted);
        Assert.Equal(Processing, result.State.Status);
        Assert.Equal(["w2", "w3", "w4"], result.State.PickLists.Select(p => p.WarehouseId));
        Assert.Equal([AnOrder.PickListId(1), AnOrder.PickListId(2), AnOrder.PickListId(3)], result.State.PickLists.Select(p => p.Id));
        Assert.DoesNotContain(result.State.PickLists, p => p.Lines.Any(l => l.Sku == "SKU-A"));
        var split = Assert.Single(result.Events);
        Assert.Equal(("order.split", "Split: shipping now 3 items, waiting for stock 1 item (w2, w3, w4)."), (split.Kind, split.Description));
        Assert.Contains(result.State.Holds, h => h.Kind == HoldKind.OutOfStock);
    }

    [Fact]
    public void Only_the_reserved_part_of_a_line_is_picked()
    {
        var state = AnOrder.In(Backordered) with
        {
            Lines = [AnOrder.Lines[0] with { Quantity = 5, Allocations = [new LineAllocation("w1", 2, 3, 4)] }],
        };

        var result = OrderLifecycle.Decide(state, Splitting());

        var line = Assert.Single(Assert.Single(result.State.PickLists).Lines);
        Assert.Equal(("SKU-A", 2), (line.Sku, line.Quantity));
        Assert.Equal("Split: shipping now 2 items, waiting for stock 3 items (w1).", result.Events[0].Description);
        Assert.Equal(3, OrderLifecycle.UnitsWaiting(result.State));
    }

    [Fact]
    public void A_split_with_nothing_reserved_is_refused()
    {
        var state = AnOrder.In(Backordered) with
        {
            Lines = [.. AnOrder.Lines.Select(l => l with { Allocations = [new LineAllocation("w1", 0, 1, 1)] })],
        };

        var result = OrderLifecycle.Decide(state, Splitting());

        Assert.Equal((RefusalKind.Conflict, "order.nothing-reserved"), (result.Refusal?.Kind, result.Refusal?.Code));
        Assert.Same(state, result.State);
    }

    [Fact]
    public void A_split_of_an_order_that_waits_for_nothing_is_refused()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(Reserved), Splitting());

        Assert.Equal((RefusalKind.Conflict, "order.nothing-waits"), (result.Refusal?.Kind, result.Refusal?.Code));
    }

    [Theory]
    [MemberData(nameof(NotSplittable))]
    public void Only_a_backordered_order_can_be_split(OrderStatus status)
    {
        var result = OrderLifecycle.Decide(AnOrder.In(status), Splitting());

        Assert.Equal((RefusalKind.Conflict, "order.illegal-transition"), (result.Refusal?.Kind, result.Refusal?.Code));
    }

    [Fact]
    public void An_unknown_order_cannot_be_split()
    {
        var result = OrderLifecycle.Decide(AnOrder.NotPlaced(), Splitting());

        Assert.Equal(RefusalKind.NotFound, result.Refusal?.Kind);
    }

    [Fact]
    public void While_units_wait_the_order_is_never_shipped_or_delivered()
    {
        var state = Decide(AnOrder.In(Backordered), Splitting());
        for (var i = 1; i <= 3; i++)
        {
            state = Ship(state, i);
        }

        Assert.Equal(PartiallyShipped, state.Status);
        for (var i = 1; i <= 3; i++)
        {
            state = Decide(state, Delivered(i));
        }

        Assert.Equal(PartiallyShipped, state.Status);
        Assert.Null(state.DeliveredAt);
        Assert.Equal("order.waiting-for-stock", OrderLifecycle.Decide(state, Issuing()).Refusal?.Code);
        Assert.Equal("order.not-cancellable", OrderLifecycle.Decide(state, new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later)).Refusal?.Code);
    }

    [Fact]
    public void The_rest_is_reserved_as_stock_arrives_and_ships_on_a_further_pick_list()
    {
        var state = Ship(Decide(AnOrder.In(Backordered), Splitting()), 1);
        state = Decide(state, Filled());

        Assert.Empty(state.Holds.Where(h => h.Kind == HoldKind.OutOfStock));
        Assert.Equal("order.remainder-reserved", state.Timeline[^1].Kind);
        var issued = Decide(state, Issuing());
        var further = Assert.Single(issued.PickLists, p => p.Id == AnOrder.PickListId(4));
        Assert.Equal(("w1", "SKU-A", 1), (further.WarehouseId, further.Lines[0].Sku, further.Lines[0].Quantity));
        Assert.Equal(PartiallyShipped, issued.Status);
        Assert.Equal("order.illegal-transition", OrderLifecycle.Decide(issued, Issuing()).Refusal?.Code);

        var done = Ship(Ship(Ship(issued, 2), 3), 4);
        Assert.Equal(Shipped, done.Status);
        for (var i = 1; i <= 4; i++)
        {
            done = Decide(done, Delivered(i));
        }

        Assert.Equal(OrderStatus.Delivered, done.Status);
    }

    [Fact]
    public void Stock_news_reaches_an_order_only_while_units_wait()
    {
        var processing = AnOrder.In(Processing);
        var split = Decide(AnOrder.In(Backordered), Splitting());

        Assert.Same(processing, OrderLifecycle.Decide(processing, Filled()).State);
        Assert.Equal(1, OrderLifecycle.Decide(split, Filled()).State.Lines[0].Reserved);
    }

    [Fact]
    public void After_a_dispatch_the_rest_is_measured_against_what_the_warehouse_still_holds()
    {
        var state = AnOrder.In(Backordered) with
        {
            Lines = [AnOrder.Lines[0] with { Quantity = 5, Allocations = [new LineAllocation("w1", 2, 3, 4)] }],
        };
        var shipped = Ship(Decide(state, Splitting()), 1);

        var dispatched = Decide(shipped, new StepDoneCommand(new DispatchPickList(AnOrder.PickListId(1)), [new Allocation("w1", "SKU-A", AnOrder.Id, 0, 3, 6)], Actor.System, AnOrder.Later));
        var stale = OrderLifecycle.Decide(dispatched, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 5, 0, 5), Actor.System, AnOrder.Later));
        var filled = Decide(dispatched, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 3, 0, 7), Actor.System, AnOrder.Later));

        Assert.DoesNotContain(dispatched.Steps, s => s is DispatchPickList);
        Assert.Equal("order.waiting-for-stock", OrderLifecycle.Decide(dispatched, Issuing()).Refusal?.Code);
        Assert.Same(dispatched, stale.State);
        Assert.Equal(3, Decide(filled, Issuing()).PickLists[^1].Lines[0].Quantity);
    }

    private static SplitOrderCommand Splitting() => new(AnOrder.Staff, AnOrder.Later);

    private static IssuePickListsCommand Issuing() => new(AnOrder.Staff, AnOrder.Later);

    private static AllocateStockCommand Filled() => new(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, 9), Actor.System, AnOrder.Later);

    private static FollowShipmentCommand Delivered(int number) =>
        new(AnOrder.ShipmentId(number), new TrackingEvent(ShipmentStatus.Delivered, null, AnOrder.Later, AnOrder.Later, AnOrder.Carrier), AnOrder.Carrier, AnOrder.Later);

    private static OrderState Ship(OrderState state, int number)
    {
        var id = AnOrder.PickListId(number);
        state = Decide(state, new MarkPickedCommand(id, AnOrder.Staff, AnOrder.Later));
        state = Decide(state, new MarkPackedCommand(id, AnOrder.Staff, AnOrder.Later));
        return Decide(state, new ShipPickListCommand(id, new ShippingLabel(AnOrder.ShipmentId(number), "DHL", $"DH00000000{number}GB"), AnOrder.Staff, AnOrder.Later));
    }

    private static OrderState Decide(OrderState state, OrderCommand command)
    {
        var result = OrderLifecycle.Decide(state, command);
        Assert.True(result.Accepted, result.Refusal?.Message);
        return result.State;
    }
}