using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.Domain;

/// <summary>
/// The guarantee the pages rely on: on every representative order, each action its view offers is carried out by the
/// lifecycle when sent the way its endpoint sends it, and each action it does not offer is refused.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class AllowedActionsTests
{
    private static readonly Address NewAddress = new("Ada Lovelace", "1 New Street", null, "Leeds", "LS1 1AA", "GB");

    /// <summary>Every status as <see cref="AnOrder"/> shapes it, and the shapes whose actions differ from it.</summary>
    public static TheoryData<string> Orders => new(Representatives.Keys);

    private static ImmutableDictionary<string, OrderState> Representatives { get; } = BuildRepresentatives();

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_order_action_offered_is_carried_out_and_every_other_is_refused(string name)
    {
        var state = Representatives[name];
        var view = state.ToView();

        Assert.Equal(view.AllowedActions.Contains(OrderAction.Cancel), view.CustomerActions.Contains(OrderAction.Cancel));
        foreach (var action in Enum.GetValues<OrderAction>())
        {
            var offered = view.AllowedActions.Contains(action) || view.CustomerActions.Contains(action);
            var command = AsItsEndpointSendsIt(state, action);
            var result = command is null ? null : OrderLifecycle.Decide(state, command);

            if (offered)
            {
                Assert.True(result is { Accepted: true, Changed: true }, $"{name}: {action} is offered but {result?.Refusal?.Code ?? "changes nothing"}.");
            }
            else
            {
                Assert.True(result is null or { Accepted: false }, $"{name}: {action} is not offered but would be carried out.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_pick_list_move_offered_is_carried_out_and_every_other_is_refused(string name)
    {
        var state = Representatives[name];
        var view = state.ToView();

        Assert.Equal(state.PickLists.Select(p => p.Id), view.PickListActions.Select(p => p.PickListId));
        foreach (var (pickList, action) in from p in state.PickLists from a in Enum.GetValues<PickListAction>() select (p, a))
        {
            var offered = view.PickListActions.Single(p => p.PickListId == pickList.Id).AllowedActions.Contains(action);
            var result = OrderLifecycle.Decide(state, AsItsEndpointSendsIt(pickList.Id, action));

            Assert.True(offered == (result.Accepted && result.Changed), $"{name}: {action} on {pickList.Id} ({pickList.Status}) offered {offered}, decided {result.Refusal?.Code ?? "accepted"}.");
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_carrier_event_offered_is_taken_by_the_shipment_and_followed_by_the_order(string name)
    {
        var state = Representatives[name];
        var view = state.ToView();

        Assert.Equal(state.Shipments.Select(s => s.ShipmentId), view.ShipmentActions.Select(s => s.ShipmentId));
        foreach (var (shipment, action) in from s in state.Shipments from a in Enum.GetValues<ShipmentAction>() select (s, a))
        {
            var offered = view.ShipmentActions.Single(s => s.ShipmentId == shipment.ShipmentId).AllowedActions.Contains(action);
            var status = OrderActions.StatusOf(action);
            var takenByShipment = ShipmentTracking.Refuse(shipment.Status, status) is null;
            var at = AnOrder.Later;
            var followed = OrderLifecycle.Decide(state, new FollowShipmentCommand(
                shipment.ShipmentId, new TrackingEvent(status, "Leeds", at, at, AnOrder.Carrier), AnOrder.Carrier, at, shipment.EventsFollowed + 1));

            Assert.True(offered == (takenByShipment && followed.Accepted), $"{name}: {action} on {shipment.ShipmentId} ({shipment.Status}) offered {offered}.");
        }
    }

    [Fact]
    public void Staff_and_customers_are_offered_their_own_actions()
    {
        var backordered = Representatives["Backordered"].ToView();
        var held = Representatives["AwaitingReview"].ToView();

        Assert.Equal<OrderAction>([OrderAction.Modify, OrderAction.Cancel, OrderAction.Split], backordered.AllowedActions);
        Assert.Equal<OrderAction>(
            [OrderAction.Cancel, OrderAction.ChangeAddress, OrderAction.ChangeQuantities, OrderAction.WaitForStock, OrderAction.ShipAvailableNow, OrderAction.DropMissingLines],
            backordered.CustomerActions);
        Assert.Equal<OrderAction>([OrderAction.Approve, OrderAction.Reject, OrderAction.Correct, OrderAction.Modify, OrderAction.Cancel], held.AllowedActions);
        Assert.DoesNotContain(OrderAction.Approve, held.CustomerActions);
    }

    /// <summary>The command each action's endpoint sends (see api/): the way a page carries it out.</summary>
    private static OrderCommand? AsItsEndpointSendsIt(OrderState state, OrderAction action)
    {
        var (by, at) = (AnOrder.Staff, AnOrder.Later);
        var moreOfTheFirst = state.Lines.SetItem(0, state.Lines[0] with { Quantity = state.Lines[0].Quantity + 1 });
        return action switch
        {
            OrderAction.Approve => new ApproveOrderCommand(by, at),
            OrderAction.Reject => new RejectOrderCommand("suspected fraud", by, at),
            OrderAction.Correct => new ModifyOrderCommand(moreOfTheFirst, state.ShipTo, Correction: true, [], by, at),
            OrderAction.Modify or OrderAction.ChangeQuantities => new ModifyOrderCommand(moreOfTheFirst, state.ShipTo, Correction: false, [], by, at),
            OrderAction.ChangeAddress => new ModifyOrderCommand(state.Lines, NewAddress, Correction: false, [], AnOrder.Customer, at),
            OrderAction.Cancel => new CancelOrderCommand("changed my mind", AnOrder.Customer, at),
            OrderAction.IssuePickLists => new IssuePickListsCommand(by, at),
            OrderAction.Split or OrderAction.ShipAvailableNow => new SplitOrderCommand(by, at),
            OrderAction.Merge => new MergeOrderCommand("MG-NEW0-0001", ["OG-OTHER-0001"], by, at),
            OrderAction.DropMissingLines => new DropMissingLinesCommand([], AnOrder.Customer, at),
            OrderAction.WaitForStock => new WaitForStockCommand(AnOrder.Customer, at),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "An order action without an endpoint."),
        };
    }

    private static OrderCommand AsItsEndpointSendsIt(string pickListId, PickListAction action)
    {
        var (by, at) = (AnOrder.Staff, AnOrder.Later);
        return action switch
        {
            PickListAction.Picked => new MarkPickedCommand(pickListId, by, at),
            PickListAction.Packed => new MarkPackedCommand(pickListId, by, at),
            PickListAction.Ship => new ShipPickListCommand(pickListId, new ShippingLabel("SH-NEW0-0001", "DHL", "DH000000001GB"), by, at),
            PickListAction.ReadyForPickup => new MarkReadyForPickupCommand(pickListId, by, at),
            PickListAction.Collected => new MarkCollectedCommand(pickListId, by, at),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static ImmutableDictionary<string, OrderState> BuildRepresentatives()
    {
        var orders = ImmutableDictionary.CreateBuilder<string, OrderState>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            orders[status.ToString()] = AnOrder.In(status);
        }

        foreach (var status in new[] { Placed, AwaitingReview, Reserved, Backordered, Processing })
        {
            orders[$"{status}, click & collect"] = AnOrder.In(status) with { Fulfilment = Fulfilment.Pickup("w1") };
        }

        orders["Backordered, nothing reserved yet"] = AnOrder.In(Backordered) with
        {
            Lines = [.. AnOrder.Lines.Select(l => l with { Allocations = [new LineAllocation(AnOrder.WarehouseOf(l.Sku), 0, 1, 1)] })],
        };
        orders["Backordered, the customer chose to wait"] = OrderLifecycle.Decide(AnOrder.In(Backordered), new WaitForStockCommand(AnOrder.Customer, AnOrder.Later)).State;
        orders["Processing, nothing picked"] = Moves.NothingPicked();
        orders["Processing, merged, nothing picked"] = Moves.NothingPicked() with { MergeId = Moves.MergeId };
        orders["Processing, merged, picking"] = AnOrder.In(Processing) with { MergeId = Moves.MergeId };
        orders["PartiallyShipped, merged"] = AnOrder.In(PartiallyShipped) with { MergeId = Moves.MergeId };
        foreach (var status in new[] { Processing, PartiallyShipped })
        {
            orders[$"{status}, split, the rest waiting"] = Moves.AwaitingRemainder(status, reserved: false);
            orders[$"{status}, split, the rest reserved"] = Moves.AwaitingRemainder(status, reserved: true);
        }

        return orders.ToImmutable();
    }
}