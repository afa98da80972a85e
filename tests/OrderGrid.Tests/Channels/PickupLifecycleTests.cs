using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Tests.Domain;

namespace OrderGrid.Tests.Channels;

[Trait(Lane.Name, Lane.Fast)]
public sealed class PickupLifecycleTests
{
    private static readonly DateTimeOffset At = AnOrder.Later;

    [Fact]
    public void A_packed_pickup_order_becomes_ready_and_then_collected_and_delivered()
    {
        var state = PickupBeingPrepared(PickListStatus.Packed);

        var ready = OrderLifecycle.Decide(state, new MarkReadyForPickupCommand(AnOrder.PickListId(1), AnOrder.Staff, At));
        var collected = OrderLifecycle.Decide(ready.State, new MarkCollectedCommand(AnOrder.PickListId(1), AnOrder.Staff, At.AddHours(2)));
        var dispatched = OrderLifecycle.Decide(collected.State, new StepDoneCommand(new DispatchCollected(AnOrder.PickListId(1)), Actor.System, At.AddHours(2)));

        Assert.Equal((OrderStatus.ReadyForPickup, "pickup.ready"), (ready.State.Status, Assert.Single(ready.Events).Kind));
        Assert.Equal((OrderStatus.Delivered, "pickup.collected"), (collected.State.Status, Assert.Single(collected.Events).Kind));
        Assert.Equal(At.AddHours(2), collected.State.DeliveredAt);
        Assert.Equal(PickListStatus.Shipped, Assert.Single(collected.State.PickLists).Status);
        Assert.Equal(new DispatchCollected(AnOrder.PickListId(1)), Assert.Single(collected.State.Steps));
        Assert.DoesNotContain(dispatched.State.Steps, s => s is DispatchCollected);
        Assert.Empty(dispatched.Events);
    }

    [Fact]
    public void A_delivered_pickup_order_completes_like_any_other()
    {
        var state = PickupBeingPrepared(PickListStatus.Packed);
        state = OrderLifecycle.Decide(state, new MarkReadyForPickupCommand(AnOrder.PickListId(1), AnOrder.Staff, At)).State;
        state = OrderLifecycle.Decide(state, new MarkCollectedCommand(AnOrder.PickListId(1), AnOrder.Staff, At)).State;

        var completed = OrderLifecycle.Decide(state, new CompleteOrderCommand(Actor.System, At.AddDays(14)));

        Assert.Equal(OrderStatus.Completed, completed.State.Status);
    }

    [Fact]
    public void A_pickup_order_is_never_shipped_by_a_carrier()
    {
        var state = PickupBeingPrepared(PickListStatus.Packed);

        var result = OrderLifecycle.Decide(state, new ShipPickListCommand(AnOrder.PickListId(1), new ShippingLabel("SH-TEST-0009", "DHL", "DH1GB"), AnOrder.Staff, At));

        Assert.Equal((RefusalKind.Conflict, "order.pickup-not-shipped"), (result.Refusal?.Kind, result.Refusal?.Code));
        Assert.Same(state, result.State);
    }

    [Fact]
    public void A_delivery_order_cannot_be_made_ready_or_collected()
    {
        var state = PickupBeingPrepared(PickListStatus.Packed) with { Fulfilment = Fulfilment.Delivery };

        var ready = OrderLifecycle.Decide(state, new MarkReadyForPickupCommand(AnOrder.PickListId(1), AnOrder.Staff, At));
        var collected = OrderLifecycle.Decide(state, new MarkCollectedCommand(AnOrder.PickListId(1), AnOrder.Staff, At));

        Assert.Equal((RefusalKind.Conflict, "order.not-pickup"), (ready.Refusal?.Kind, ready.Refusal?.Code));
        Assert.Equal((RefusalKind.Conflict, "order.not-pickup"), (collected.Refusal?.Kind, collected.Refusal?.Code));
    }

    [Theory]
    [InlineData(PickListStatus.Open)]
    [InlineData(PickListStatus.Picked)]
    public void Only_a_packed_pick_list_can_wait_for_collection(PickListStatus status)
    {
        var result = OrderLifecycle.Decide(PickupBeingPrepared(status), new MarkReadyForPickupCommand(AnOrder.PickListId(1), AnOrder.Staff, At));

        Assert.Equal((RefusalKind.Conflict, "pick-list.illegal-transition"), (result.Refusal?.Kind, result.Refusal?.Code));
    }

    [Fact]
    public void An_order_is_collected_only_once_it_is_ready()
    {
        var result = OrderLifecycle.Decide(PickupBeingPrepared(PickListStatus.Packed), new MarkCollectedCommand(AnOrder.PickListId(1), AnOrder.Staff, At));

        Assert.Equal((RefusalKind.Conflict, "order.illegal-transition"), (result.Refusal?.Kind, result.Refusal?.Code));
    }

    [Fact]
    public void An_uncollected_order_can_still_be_cancelled_and_its_stock_released()
    {
        var ready = OrderLifecycle.Decide(PickupBeingPrepared(PickListStatus.Packed), new MarkReadyForPickupCommand(AnOrder.PickListId(1), AnOrder.Staff, At)).State;

        var cancelled = OrderLifecycle.Decide(ready, new CancelOrderCommand("never collected", AnOrder.Staff, At.AddDays(7)));

        Assert.Equal(OrderStatus.Cancelled, cancelled.State.Status);
        Assert.Contains(new ReleaseStock(), cancelled.State.Steps);
    }

    [Fact]
    public void Placing_records_the_fulfilment_and_the_staff_member_who_entered_the_order()
    {
        var placing = AnOrder.Placing();
        var command = placing with { Request = placing.Request with { Channel = SalesChannel.Phone, Fulfilment = Fulfilment.Pickup("w1") }, By = AnOrder.Staff };

        var placed = OrderLifecycle.Decide(AnOrder.NotPlaced(), command).State;

        Assert.Equal(AnOrder.Staff, placed.EnteredBy);
        Assert.Equal(Fulfilment.Pickup("w1"), placed.Fulfilment);
        Assert.Equal((AnOrder.Staff, Fulfilment.Pickup("w1")), (placed.ToView().EnteredBy, placed.ToView().Fulfilment));
        Assert.Contains("for collection at w1", placed.Timeline[0].Description, StringComparison.Ordinal);
        Assert.Null(OrderLifecycle.Decide(AnOrder.NotPlaced(), placing).State.EnteredBy);
    }

    /// <summary>A pickup order at w1 with one pick list in <paramref name="status"/>.</summary>
    private static OrderState PickupBeingPrepared(PickListStatus status)
    {
        var line = AnOrder.Lines[0];
        var pickList = new PickList(AnOrder.PickListId(1), AnOrder.Id, "w1", [new PickListLine(line.Sku, line.Name, line.Quantity, null)], status, null);
        return AnOrder.In(OrderStatus.Processing) with
        {
            Fulfilment = Fulfilment.Pickup("w1"),
            Lines = [line with { Allocations = [new LineAllocation("w1", line.Quantity, 0, 1)] }],
            PickLists = ImmutableArray.Create(pickList),
        };
    }
}