using OrderGrid.Common;

namespace OrderGrid.Orders;

// Whether a command may go ahead: the status part from the transition table, the rest from named conditions.
public static partial class OrderLifecycle
{
    /// <summary>
    /// Whether <paramref name="command"/> may go ahead on <paramref name="state"/>: null when it may; otherwise the
    /// refusal, or the unchanged state for news and repeats that change nothing. The status part is
    /// <see cref="OrderTransitions"/>; what is not about the status is one of the named conditions below, each applied
    /// where the command needs it. The order views ask this same question for every action they offer.
    /// </summary>
    public static LifecycleResult? Check(OrderState state, OrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (command is not PlaceOrderCommand && !state.IsPlaced)
        {
            return Refuse(state, Refusal.NotFound("order.not-found", $"Order {state.Id} does not exist."));
        }

        var move = MoveOf(command);
        return RefusedWhileMerged(state, command) ?? command switch
        {
            StepDoneCommand { Step: ReserveStock } => Status(state, move) ?? (state.Steps.Has<ReserveStock>() ? null : Refuse(state, OrderTransitions.Illegal(state.Id, state.Status, move))),
            AllocateStockCommand => Status(state, move) ?? (state.PickLists.IsEmpty || UnitsWaiting(state) > 0 ? null : Unchanged(state)),
            IssuePickListsCommand => Status(state, move) ?? (state.PickLists.IsEmpty ? null : RemainderReady(state)),
            SplitOrderCommand => Status(state, move) ?? SomethingReserved(state),
            WaitForStockCommand => Status(state, move) ?? WaitIsAChoice(state),
            DropMissingLinesCommand => Status(state, move) ?? NoPickLists(state) ?? SomethingToDrop(state),
            MergeOrderCommand c => RepeatedMerge(state, c) ?? Status(state, move) ?? Mergeable(state),
            MarkPickedCommand c => Status(state, move) ?? PickListIs(state, c.PickListId, PickListStatus.Open, PickListStatus.Picked),
            MarkPackedCommand c => Status(state, move) ?? PickListIs(state, c.PickListId, PickListStatus.Picked, PickListStatus.Packed),
            ShipPickListCommand c => DeliveryOnly(state) ?? Status(state, move) ?? PickListIs(state, c.PickListId, PickListStatus.Packed, PickListStatus.Shipped),
            ShipMergedCommand c => Status(state, move) ?? InMerge(state, c.MergeId) ?? PickListIs(state, c.PickListId, PickListStatus.Packed, PickListStatus.Shipped),
            MarkReadyForPickupCommand c => PickupOnly(state) ?? Status(state, move) ?? PackedForCollection(state, c.PickListId),
            MarkCollectedCommand c => PickupOnly(state) ?? Status(state, move) ?? WaitingForCollection(state, c.PickListId),
            FollowShipmentCommand c => Status(state, move) ?? NewShipmentNews(state, c),
            ModifyOrderCommand => Status(state, move) ?? NoPickLists(state),
            _ => Status(state, move),
        };
    }

    /// <summary>The table's name for <paramref name="command"/>.</summary>
    public static OrderMove MoveOf(OrderCommand command) => command switch
    {
        PlaceOrderCommand => OrderMove.Place,
        ApproveOrderCommand => OrderMove.Approve,
        RejectOrderCommand => OrderMove.Reject,
        ModifyOrderCommand { Correction: true } => OrderMove.Correct,
        ModifyOrderCommand => OrderMove.Modify,
        CancelOrderCommand => OrderMove.Cancel,
        StepDoneCommand c => c.Step.Done,
        AllocateStockCommand => OrderMove.AllocateStock,
        IssuePickListsCommand => OrderMove.IssuePickLists,
        SplitOrderCommand => OrderMove.Split,
        WaitForStockCommand => OrderMove.WaitForStock,
        DropMissingLinesCommand => OrderMove.Modify,
        MergeOrderCommand => OrderMove.Merge,
        MarkPickedCommand => OrderMove.Picked,
        MarkPackedCommand => OrderMove.Packed,
        ShipPickListCommand => OrderMove.Ship,
        ShipMergedCommand => OrderMove.ShipMerged,
        MarkReadyForPickupCommand => OrderMove.ReadyForPickup,
        MarkCollectedCommand => OrderMove.Collected,
        FollowShipmentCommand => OrderMove.CarrierEvent,
        CompleteOrderCommand => OrderMove.Complete,
        RecordAfterSalesCommand => OrderMove.RecordAfterSales,
        RecordExpectedDayCommand => OrderMove.RecordExpectedDay,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown order command."),
    };

    /// <summary>The status part: the table's refusal, nothing for news that does not concern the order, or go ahead.</summary>
    private static LifecycleResult? Status(OrderState state, OrderMove move)
    {
        var from = state.IsPlaced ? state.Status : (OrderStatus?)null;
        if (OrderTransitions.RefusalFor(state.Id, from, move) is { } refusal)
        {
            return Refuse(state, refusal);
        }

        return from is { } status && OrderTransitions.IsIgnored(status, move) ? Unchanged(state) : null;
    }

    /// <summary>A decision must end in a status the table lists for its move; anything else is refused.</summary>
    private static LifecycleResult WithinTable(OrderState state, OrderCommand command, LifecycleResult result)
    {
        if (!result.Accepted || ReferenceEquals(result.State, state))
        {
            return result;
        }

        var move = MoveOf(command);
        var from = state.IsPlaced ? state.Status : (OrderStatus?)null;
        return OrderTransitions.Targets(from, move).Contains(result.State.Status)
            ? result
            : Refuse(state, OrderTransitions.Illegal(state.Id, state.Status, move));
    }

    private static LifecycleResult? RemainderReady(OrderState state) =>
        !ReadyToPick(state).IsEmpty ? null
        : UnitsWaiting(state) > 0 ? Refuse(state, Refusal.Conflict("order.waiting-for-stock", $"Order {state.Id} is still waiting for stock."))
        : Refuse(state, OrderTransitions.Illegal(state.Id, state.Status, OrderMove.IssuePickLists));

    private static LifecycleResult? SomethingReserved(OrderState state) =>
        ReadyToPick(state).IsEmpty ? Refuse(state, Refusal.Conflict("order.nothing-reserved", $"Order {state.Id} has nothing reserved to ship yet.")) : null;

    private static LifecycleResult? PickListIs(OrderState state, string pickListId, PickListStatus from, PickListStatus to)
    {
        var pickList = state.PickLists.FirstOrDefault(p => p.Id == pickListId);
        if (pickList is null)
        {
            return Refuse(state, Refusal.NotFound("pick-list.not-found", $"Pick list {pickListId} does not exist."));
        }

        return pickList.Status == from
            ? null
            : Refuse(state, Refusal.Conflict("pick-list.illegal-transition", $"Pick list {pickListId} is {pickList.Status}; only a {from} pick list can be marked {to}."));
    }

    private static LifecycleResult? DeliveryOnly(OrderState state) =>
        state.Fulfilment.IsPickup
            ? Refuse(state, Refusal.Conflict("order.pickup-not-shipped", $"Order {state.Id} is collected at {state.Fulfilment.WarehouseId}; it is not shipped by a carrier."))
            : null;

    private static LifecycleResult? PickupOnly(OrderState state) =>
        state.Fulfilment.IsPickup
            ? null
            : Refuse(state, Refusal.Conflict("order.not-pickup", $"Order {state.Id} is delivered by a carrier, not collected at a store."));

    private static LifecycleResult? PackedForCollection(OrderState state, string pickListId)
    {
        var pickList = state.PickLists.FirstOrDefault(p => p.Id == pickListId);
        if (pickList is null)
        {
            return Refuse(state, Refusal.NotFound("pick-list.not-found", $"Pick list {pickListId} does not exist."));
        }

        return pickList.Status == PickListStatus.Packed
            ? null
            : Refuse(state, Refusal.Conflict("pick-list.illegal-transition", $"Pick list {pickListId} is {pickList.Status}; only a packed pick list can be collected."));
    }

    private static LifecycleResult? WaitingForCollection(OrderState state, string pickListId) =>
        state.PickLists.Any(p => p.Id == pickListId && p.Status == PickListStatus.Packed)
            ? null
            : Refuse(state, Refusal.NotFound("pick-list.not-found", $"Pick list {pickListId} is not waiting for collection."));

    /// <summary>The shipment must be the order's; an event it already followed changes nothing.</summary>
    private static LifecycleResult? NewShipmentNews(OrderState state, FollowShipmentCommand c)
    {
        var link = state.Shipments.FirstOrDefault(s => s.ShipmentId == c.ShipmentId);
        if (link is null)
        {
            return Refuse(state, Refusal.NotFound("shipment.not-found", $"Shipment {c.ShipmentId} does not belong to order {state.Id}."));
        }

        return c.EventNumber > 0 && c.EventNumber <= link.EventsFollowed ? Unchanged(state) : null;
    }

    /// <summary>Joining the merge the order is in changes nothing; joining another is refused.</summary>
    private static LifecycleResult? RepeatedMerge(OrderState state, MergeOrderCommand c) =>
        state.MergeId is null ? null
        : state.MergeId == c.MergeId ? Unchanged(state)
        : Refuse(state, Refusal.Conflict("order.already-merged", $"Order {state.Id} is already merged in {state.MergeId}."));

    private static LifecycleResult? Mergeable(OrderState state) =>
        !state.Fulfilment.IsPickup && !state.PickLists.IsEmpty && state.PickLists.All(p => p.Status == PickListStatus.Open) && UnitsWaiting(state) == 0
            ? null
            : Refuse(state, Refusal.Conflict("order.not-mergeable", $"Order {state.Id} cannot be merged: only a delivery order being prepared, with every pick list open, can be."));

    private static LifecycleResult? NoPickLists(OrderState state) =>
        state.PickLists.IsEmpty
            ? null
            : Refuse(state, Refusal.Conflict("order.not-modifiable", $"Order {state.Id} can no longer be changed: it is {state.Status} and its pick lists are issued."));

    private static LifecycleResult? InMerge(OrderState state, string mergeId) =>
        state.MergeId == mergeId ? null : Refuse(state, Refusal.Conflict("order.not-merged", $"Order {state.Id} is not part of merge {mergeId}."));
}