using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>
/// A shortage is the customer's choice: when part of a backordered order waits for stock, its customer may wait for
/// everything, ship what is here now and the rest later (the split), or drop what is missing (a modification, with the
/// refund of the dropped units recorded). Each choice is a timeline entry of its own, with the customer as actor.
/// </summary>
public static partial class OrderLifecycle
{
    /// <summary>Units of the order no warehouse holds for it yet (what a shortage is about).</summary>
    public static int UnitsMissing(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Lines.Sum(l => Math.Max(0, l.Quantity - l.Reserved));
    }

    /// <summary>Whether the customer already chose to wait during the present shortage.</summary>
    public static bool ChoseToWait(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ShortageTimeline.WaitingByChoice(state.Timeline);
    }

    /// <summary>The lines as they are when the missing units are dropped: each shrunk to what is reserved, the empty ones gone.</summary>
    public static ImmutableArray<OrderLine> KeptWhenDropping(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Lines.Select(l => l with { Quantity = Math.Min(l.Quantity, l.Reserved) }).Where(l => l.Quantity > 0)];
    }

    private static LifecycleResult WaitForStock(OrderState state, WaitForStockCommand c)
    {
        var changes = new Changes(state, c);
        var missing = Counted.Items(UnitsMissing(state));
        changes.Add(
            state.Status,
            EventKinds.ShortageWaitForStock,
            $"The customer chose to wait for everything ({missing} missing): the order ships complete once the stock arrives.",
            forCustomer: "You chose to wait for everything: we will send your order complete as soon as the missing items arrive.");
        return changes.Result();
    }

    /// <summary>The choice's entry before the split's own, when the customer made it.</summary>
    private static void ChoseToShipNow(Changes changes) =>
        changes.Add(
            changes.State.Status,
            EventKinds.ShortageShipAvailableNow,
            "The customer chose to ship what is here now and the rest when it arrives.",
            forCustomer: "You chose to receive what is here now and the rest when it arrives.");

    private static LifecycleResult DropMissingLines(OrderState state, DropMissingLinesCommand c)
    {
        var dropped = state.Lines
            .Select(l => (Line: l, Units: l.Quantity - Math.Min(l.Quantity, l.Reserved)))
            .Where(d => d.Units > 0)
            .ToArray();
        var what = string.Join(", ", dropped.Select(d => $"{d.Units} × {d.Line.Name}"));
        var units = Counted.Items(dropped.Sum(d => d.Units));
        var amount = dropped.Sum(d => d.Units * d.Line.UnitPrice);

        var chose = new Changes(state, c);
        chose.Add(state.Status, EventKinds.ShortageDropMissingLines, $"The customer chose to drop what is missing: {what}.", forCustomer: $"You chose to drop what is missing: {what}.");
        var chosen = chose.Result();

        var modified = Modify(chosen.State, new ModifyOrderCommand(KeptWhenDropping(state), state.ShipTo, Correction: false, c.Decisions, c.By, c.At));
        var refund = new OrderRefund(amount, $"{what}: out of stock", c.At, c.By);
        var changes = new Changes(modified.State with { Refunds = modified.State.Refunds.Add(refund) }, c, chosen.Events.AddRange(modified.Events));
        changes.Add(
            changes.State.Status,
            EventKinds.OrderRefundRecorded,
            $"Refund of {MoneyText.Format(amount, state.Currency)} recorded for the dropped units ({what}).",
            forCustomer: $"Refund recorded for the {units} we could not send.");
        return changes.Result();
    }

    /// <summary>Something must be missing, and something reserved that would be left.</summary>
    private static LifecycleResult? SomethingToDrop(OrderState state) =>
        UnitsMissing(state) == 0 ? Refuse(state, Refusal.Conflict("order.nothing-missing", $"Nothing of order {state.Id} waits for stock."))
        : KeptWhenDropping(state).IsEmpty ? Refuse(state, Refusal.Conflict("order.nothing-reserved", $"Nothing of order {state.Id} is reserved yet: dropping what is missing would leave nothing (cancel it instead)."))
        : null;

    /// <summary>Waiting is a choice only while something could ship now instead; made once per shortage.</summary>
    private static LifecycleResult? WaitIsAChoice(OrderState state) =>
        SomethingReserved(state)
        ?? (ChoseToWait(state) ? Refuse(state, Refusal.Conflict("order.already-waiting", $"The customer already chose to wait for everything on order {state.Id}.")) : null);
}