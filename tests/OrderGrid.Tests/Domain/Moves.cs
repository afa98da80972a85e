using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;

using static OrderGrid.Orders.OrderMove;
using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.Domain;

/// <summary>
/// For every move of the order lifecycle, a command that makes it, and an <see cref="AnOrder"/> on which the move's
/// conditions beyond the status hold — what a row of <see cref="OrderTransitions"/> needs to be tried.
/// </summary>
internal static class Moves
{
    public const string MergeId = "MG-TEST-0001";

    /// <summary>Every move the lifecycle decides (a return is opened by the order's after-sales grain).</summary>
    public static OrderMove[] Decided { get; } = [.. Enum.GetValues<OrderMove>().Except([RequestReturn])];

    /// <summary>An order in <paramref name="status"/> as <see cref="AnOrder"/> shapes it; a pickup one for the moves of click &amp; collect.</summary>
    public static OrderState Representative(OrderStatus status, OrderMove move) =>
        move is OrderMove.ReadyForPickup or Collected ? AnOrder.In(status) with { Fulfilment = Fulfilment.Pickup("w1") } : AnOrder.In(status);

    /// <summary>An order in <paramref name="from"/> (null: not placed) on which <paramref name="move"/> can be made.</summary>
    public static OrderState Ready(OrderStatus? from, OrderMove move) => (from, move) switch
    {
        (null, _) => AnOrder.NotPlaced(),
        (Processing or PartiallyShipped, AllocateStock or IssuePickLists) => AwaitingRemainder(from.Value, reserved: move == IssuePickLists),
        (Processing, OrderMove.Merge) => NothingPicked(),
        (_, ShipMerged) => Representative(from.Value, move) with { MergeId = MergeId },
        (Reserved or Backordered, RecordAdjustment) => AnOrder.In(from.Value) with { Steps = [new AdjustReservation()] },
        _ => Representative(from.Value, move),
    };

    /// <summary>Being prepared with every pick list still open: the order a merge can take.</summary>
    public static OrderState NothingPicked()
    {
        var order = AnOrder.In(Processing);
        return order with { PickLists = [.. order.PickLists.Select(p => p with { Status = PickListStatus.Open })] };
    }

    /// <summary>
    /// The backordered <see cref="AnOrder"/> split (SKU-A still waiting in w1), in Processing or, with its first pick
    /// list shipped, PartiallyShipped; <paramref name="reserved"/>: the waiting unit has since been reserved.
    /// </summary>
    public static OrderState AwaitingRemainder(OrderStatus status, bool reserved)
    {
        var state = Decide(AnOrder.In(Backordered), new SplitOrderCommand(AnOrder.Staff, AnOrder.Later));
        if (status == PartiallyShipped)
        {
            state = Decide(state, new MarkPickedCommand(AnOrder.PickListId(1), AnOrder.Staff, AnOrder.Later));
            state = Decide(state, new MarkPackedCommand(AnOrder.PickListId(1), AnOrder.Staff, AnOrder.Later));
            state = Decide(state, new ShipPickListCommand(AnOrder.PickListId(1), new ShippingLabel(AnOrder.ShipmentId(1), "DHL", "DH1GB"), AnOrder.Staff, AnOrder.Later));
        }

        return reserved ? Decide(state, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, 2), Actor.System, AnOrder.Later)) : state;
    }

    /// <summary>A command making <paramref name="move"/> on <paramref name="state"/>, aimed at a pick list or shipment in the right state when it has one.</summary>
    public static OrderCommand Command(OrderMove move, OrderState state)
    {
        var at = AnOrder.Later;
        string PickList(PickListStatus status) => state.PickLists.FirstOrDefault(p => p.Status == status)?.Id ?? AnOrder.PickListId(1);
        var label = new ShippingLabel("SH-TEST-0009", "DHL", "DH000000009GB");
        var changedLines = AnOrder.Lines.SetItem(0, AnOrder.Lines[0] with { Quantity = 3 });
        return move switch
        {
            Place => AnOrder.Placing(),
            Approve => new ApproveOrderCommand(AnOrder.Staff, at),
            Reject => new RejectOrderCommand("suspected fraud", AnOrder.Staff, at),
            Correct => new ModifyOrderCommand(changedLines, state.ShipTo, Correction: true, [], AnOrder.Staff, at),
            Modify => new ModifyOrderCommand(changedLines, state.ShipTo, Correction: false, [], AnOrder.Customer, at),
            Cancel => new CancelOrderCommand("changed my mind", AnOrder.Customer, at),
            RecordReservation => new StepDoneCommand(new ReserveStock(), AnOrder.FullyReserved(), Actor.System, at),
            AllocateStock => new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, 99), Actor.System, at),
            RecordAdjustment => new StepDoneCommand(new AdjustReservation(), AnOrder.FullyReserved(), Actor.System, at),
            IssuePickLists => new IssuePickListsCommand(AnOrder.Staff, at),
            Split => new SplitOrderCommand(AnOrder.Staff, at),
            WaitForStock => new WaitForStockCommand(AnOrder.Customer, at),
            OrderMove.Merge => new MergeOrderCommand(MergeId, ["OG-OTHER-0001"], AnOrder.Staff, at),
            Picked => new MarkPickedCommand(PickList(PickListStatus.Open), AnOrder.Staff, at),
            Packed => new MarkPackedCommand(PickList(PickListStatus.Picked), AnOrder.Staff, at),
            Ship => new ShipPickListCommand(PickList(PickListStatus.Packed), label, AnOrder.Staff, at),
            ShipMerged => new ShipMergedCommand(MergeId, PickList(PickListStatus.Packed), label, AnOrder.Staff, at),
            OrderMove.ReadyForPickup => new MarkReadyForPickupCommand(PickList(PickListStatus.Packed), AnOrder.Staff, at),
            Collected => new MarkCollectedCommand(PickList(PickListStatus.Packed), AnOrder.Staff, at),
            CarrierEvent => new FollowShipmentCommand(
                state.Shipments.FirstOrDefault()?.ShipmentId ?? "SH-NONE-0000",
                new TrackingEvent(ShipmentStatus.Delivered, "London", at, at, AnOrder.Carrier), AnOrder.Carrier, at),
            Complete => new CompleteOrderCommand(Actor.System, at),
            RecordRelease => new StepDoneCommand(new ReleaseStock(), Actor.System, at),
            RecordDispatch => new StepDoneCommand(new DispatchPickList(AnOrder.PickListId(1)), Actor.System, at),
            RecordCollectionDispatch => new StepDoneCommand(new DispatchCollected(AnOrder.PickListId(1)), Actor.System, at),
            RecordStockReturned => new StepDoneCommand(new ReturnStock(["SKU-A"]), Actor.System, at),
            RecordAfterSales => new RecordAfterSalesCommand(new AfterSalesNote("TK-TEST-0001-1/opened", "ticket.opened", "Service ticket opened.", AnOrder.Customer), AnOrder.Customer, at),
            RecordExpectedDay => new RecordExpectedDayCommand("SKU-A", new DateOnly(2030, 1, 15), Actor.System, at),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Not decided by the lifecycle."),
        };
    }

    private static OrderState Decide(OrderState state, OrderCommand command)
    {
        var result = OrderLifecycle.Decide(state, command);
        Assert.True(result.Accepted, result.Refusal?.Message);
        return result.State;
    }
}