using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Shipping;

namespace OrderGrid.Orders;

/// <summary>
/// What may be done with an order now, for its views. Each action stands for the command its endpoint sends, and is
/// allowed exactly when <see cref="OrderLifecycle.Check"/> — the transition table and its named conditions, the same
/// guard <see cref="OrderLifecycle.Decide"/> applies first — lets that command go ahead.
/// </summary>
public static class OrderActions
{
    private static readonly OrderAction[] Staff =
    [
        OrderAction.Approve, OrderAction.Reject, OrderAction.Correct, OrderAction.Modify, OrderAction.Cancel,
        OrderAction.IssuePickLists, OrderAction.Split, OrderAction.Merge,
    ];

    private static readonly OrderAction[] Customer =
    [
        OrderAction.Cancel, OrderAction.ChangeAddress, OrderAction.ChangeQuantities,
        OrderAction.WaitForStock, OrderAction.ShipAvailableNow, OrderAction.DropMissingLines,
    ];

    /// <summary>What ops may do with the whole order now.</summary>
    public static ImmutableArray<OrderAction> ForStaff(OrderState state) => [.. Staff.Where(a => IsAllowed(state, a))];

    /// <summary>What the holder of the order's tracking link may do now.</summary>
    public static ImmutableArray<OrderAction> ForCustomer(OrderState state) => [.. Customer.Where(a => IsAllowed(state, a))];

    /// <summary>For each pick list, the moves it may make now.</summary>
    public static ImmutableArray<PickListActions> ForPickLists(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.PickLists.Select(p => new PickListActions(p.Id, [.. Enum.GetValues<PickListAction>().Where(a => IsAllowed(state, p.Id, a))]))];
    }

    /// <summary>For each shipment, the carrier events it may take now.</summary>
    public static ImmutableArray<ShipmentActions> ForShipments(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Shipments.Select(s => new ShipmentActions(s.ShipmentId, [.. Enum.GetValues<ShipmentAction>().Where(a => IsAllowed(state, s, a))]))];
    }

    public static bool IsAllowed(OrderState state, OrderAction action) =>
        CommandFor(state, action) is { } command && OrderLifecycle.Check(state, command) is null;

    public static bool IsAllowed(OrderState state, string pickListId, PickListAction action) =>
        OrderLifecycle.Check(state, CommandFor(state, pickListId, action)) is null;

    /// <summary>The shipment must take the event (nothing after delivery) and the order must follow it.</summary>
    public static bool IsAllowed(OrderState state, ShipmentLink shipment, ShipmentAction action)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var status = StatusOf(action);
        return ShipmentTracking.Refuse(shipment.Status, status) is null
            && OrderLifecycle.Check(state, new FollowShipmentCommand(
                shipment.ShipmentId, new TrackingEvent(status, null, state.UpdatedAt, state.UpdatedAt, Actor.System), Actor.System, state.UpdatedAt, shipment.EventsFollowed + 1)) is null;
    }

    /// <summary>The carrier status a shipment action reports.</summary>
    public static ShipmentStatus StatusOf(ShipmentAction action) => action switch
    {
        ShipmentAction.InTransit => ShipmentStatus.InTransit,
        ShipmentAction.OutForDelivery => ShipmentStatus.OutForDelivery,
        ShipmentAction.Delivered => ShipmentStatus.Delivered,
        _ => ShipmentStatus.Exception,
    };

    /// <summary>The command an order action stands for (its details do not matter to the guard).</summary>
    private static OrderCommand? CommandFor(OrderState state, OrderAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (by, at) = (Actor.System, state.UpdatedAt);
        return action switch
        {
            OrderAction.Approve => new ApproveOrderCommand(by, at),
            OrderAction.Reject => new RejectOrderCommand("", by, at),
            OrderAction.Correct => new ModifyOrderCommand(state.Lines, state.ShipTo, Correction: true, [], by, at),
            OrderAction.Modify or OrderAction.ChangeAddress or OrderAction.ChangeQuantities => new ModifyOrderCommand(state.Lines, state.ShipTo, Correction: false, [], by, at),
            OrderAction.Cancel => new CancelOrderCommand("", by, at),
            OrderAction.IssuePickLists => new IssuePickListsCommand(by, at),
            OrderAction.Split or OrderAction.ShipAvailableNow => new SplitOrderCommand(by, at),
            OrderAction.Merge => new MergeOrderCommand("", [], by, at),
            OrderAction.DropMissingLines => new DropMissingLinesCommand([], by, at),
            OrderAction.WaitForStock => new WaitForStockCommand(by, at),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static OrderCommand CommandFor(OrderState state, string pickListId, PickListAction action)
    {
        var (by, at) = (Actor.System, state.UpdatedAt);
        return action switch
        {
            PickListAction.Picked => new MarkPickedCommand(pickListId, by, at),
            PickListAction.Packed => new MarkPackedCommand(pickListId, by, at),
            PickListAction.Ship => new ShipPickListCommand(pickListId, new ShippingLabel("", "", ""), by, at),
            PickListAction.ReadyForPickup => new MarkReadyForPickupCommand(pickListId, by, at),
            PickListAction.Collected => new MarkCollectedCommand(pickListId, by, at),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}