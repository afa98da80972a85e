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
        if (state.MergeId == c.MergeId)
        {
            return Unchanged(state);
        }

        if (state.MergeId is not null)
        {
            return Refuse(state, Refusal.Conflict("order.already-merged", $"Order {state.Id} is already merged in {state.MergeId}."));
        }

        if (!IsMergeable(state))
        {
            return Refuse(state, Refusal.Conflict("order.not-mergeable",
                $"Order {state.Id} cannot be merged: only a delivery order being prepared, with every pick list open, can be."));
        }

        var changes = new Changes(state with { MergeId = c.MergeId }, c);
        changes.Add(state.Status, "order.merged", $"Merged with {string.Join(", ", c.With)} ({c.MergeId}): picked, packed and shipped together.");
        return changes.Result();
    }

    private static LifecycleResult ShipMerged(OrderState state, ShipMergedCommand c) =>
        state.MergeId == c.MergeId
            ? Ship(state, new ShipPickListCommand(c.PickListId, c.Label, c.By, c.At))
            : Refuse(state, Refusal.Conflict("order.not-merged", $"Order {state.Id} is not part of merge {c.MergeId}."));

    /// <summary>What a merged order refuses to do on its own; null when the command may go ahead.</summary>
    private static LifecycleResult? RefusedWhileMerged(OrderState state, OrderCommand command) => state.MergeId is null ? null : command switch
    {
        ShipPickListCommand or ModifyOrderCommand or SplitOrderCommand =>
            Refuse(state, Refusal.Conflict("order.merged", $"Order {state.Id} is merged in {state.MergeId}: it ships with the merge and cannot be changed.")),
        CancelOrderCommand when state.PickLists.Any(p => p.Status != PickListStatus.Open) =>
            Refuse(state, Refusal.Conflict("order.merged", $"Order {state.Id} was picked with merge {state.MergeId}: it can no longer be cancelled.")),
        _ => null,
    };

    private static bool IsMergeable(OrderState state) =>
        state.Status == OrderStatus.Processing
        && !state.Fulfilment.IsPickup
        && !state.PickLists.IsEmpty
        && state.PickLists.All(p => p.Status == PickListStatus.Open)
        && UnitsWaiting(state) == 0;
}