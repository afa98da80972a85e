using OrderGrid.Common;

namespace OrderGrid.Orders;

// Click & collect: a pickup order is packed in its store, marked ready, and handed over there instead of shipped.
public static partial class OrderLifecycle
{
    private static string PickupNote(OrderState placed) =>
        placed.Fulfilment.IsPickup ? $", for collection at {placed.Fulfilment.WarehouseId}" : "";

    private static LifecycleResult ShipUnlessPickup(OrderState state, ShipPickListCommand c) =>
        state.Fulfilment.IsPickup
            ? Refuse(state, Refusal.Conflict("order.pickup-not-shipped", $"Order {state.Id} is collected at {state.Fulfilment.WarehouseId}; it is not shipped by a carrier."))
            : Ship(state, c);

    private static LifecycleResult MarkReadyForPickup(OrderState state, MarkReadyForPickupCommand c)
    {
        if (!state.Fulfilment.IsPickup)
        {
            return NotPickup(state);
        }

        if (state.Status != OrderStatus.Processing)
        {
            return Illegal(state, "mark the order ready for collection");
        }

        var pickList = state.PickLists.FirstOrDefault(p => p.Id == c.PickListId);
        if (pickList is null)
        {
            return Refuse(state, Refusal.NotFound("pick-list.not-found", $"Pick list {c.PickListId} does not exist."));
        }

        if (pickList.Status != PickListStatus.Packed)
        {
            return Refuse(state, Refusal.Conflict("pick-list.illegal-transition", $"Pick list {c.PickListId} is {pickList.Status}; only a packed pick list can be collected."));
        }

        var changes = new Changes(state, c);
        changes.Add(OrderStatus.ReadyForPickup, "pickup.ready", $"Ready for collection at {state.Fulfilment.WarehouseId}.");
        return changes.Result();
    }

    private static LifecycleResult MarkCollected(OrderState state, MarkCollectedCommand c)
    {
        if (!state.Fulfilment.IsPickup)
        {
            return NotPickup(state);
        }

        if (state.Status != OrderStatus.ReadyForPickup)
        {
            return Illegal(state, "hand over the order");
        }

        var pickList = state.PickLists.FirstOrDefault(p => p.Id == c.PickListId);
        if (pickList is null || pickList.Status != PickListStatus.Packed)
        {
            return Refuse(state, Refusal.NotFound("pick-list.not-found", $"Pick list {c.PickListId} is not waiting for collection."));
        }

        var collected = state with
        {
            PickLists = state.PickLists.Replace(pickList, pickList with { Status = PickListStatus.Shipped }),
            CollectionPending = state.CollectionPending.Add(c.PickListId),
            DeliveredAt = c.At,
        };
        var changes = new Changes(collected, c);
        changes.Add(OrderStatus.Delivered, "pickup.collected", $"Collected by the customer at {pickList.WarehouseId}.");
        return changes.Result();
    }

    private static LifecycleResult RecordCollectionDispatch(OrderState state, RecordCollectionDispatchCommand c) =>
        state.CollectionPending.Contains(c.PickListId)
            ? new LifecycleResult(state with { CollectionPending = state.CollectionPending.Remove(c.PickListId) }, [], null)
            : Unchanged(state);

    private static LifecycleResult NotPickup(OrderState state) =>
        Refuse(state, Refusal.Conflict("order.not-pickup", $"Order {state.Id} is delivered by a carrier, not collected at a store."));
}