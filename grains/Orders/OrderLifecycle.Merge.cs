using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>
/// Merge: a delivery order being prepared, nothing picked yet, joins other orders of its customer to travel as one
/// parcel. While merged it ships only with the merge, cannot be changed or split, and can be cancelled only before picking.
/// </summary>
public static partial class OrderLifecycle
{
    private static LifecycleResult Merge(OrderState state, MergeOrderCommand c)
    {
        var changes = new Changes(state with { MergeId = c.MergeId }, c);
        changes.Add(
            state.Status,
            EventKinds.OrderMerged,
            $"Merged with {string.Join(", ", c.With)} ({c.MergeId}): picked, packed and shipped together.",
            forCustomer: $"Your order will travel in one parcel with {Counted.Of(c.With.Length, "other order", "other orders")} of yours.");
        return changes.Result();
    }

    private static LifecycleResult ShipMerged(OrderState state, ShipMergedCommand c) =>
        Ship(state, new ShipPickListCommand(c.PickListId, c.Label, c.By, c.At));

    /// <summary>What a merged order refuses to do on its own; null when the command may go ahead.</summary>
    private static LifecycleResult? RefusedWhileMerged(OrderState state, OrderCommand command) => state.MergeId is null ? null : command switch
    {
        ShipPickListCommand or ModifyOrderCommand or SplitOrderCommand or DropMissingLinesCommand or WaitForStockCommand =>
            Refuse(state, Refusal.Conflict("order.in-merge", $"Order {state.Id} is merged in {state.MergeId}: it ships with the merge and cannot be changed.")),
        CancelOrderCommand when state.PickLists.Any(p => p.Status != PickListStatus.Open) =>
            Refuse(state, Refusal.Conflict("order.in-merge", $"Order {state.Id} was picked with merge {state.MergeId}: it can no longer be cancelled.")),
        _ => null,
    };
}