using OrderGrid.Common;

namespace OrderGrid.Orders;

// Click & collect: a pickup order is packed in its store, marked ready, and handed over there instead of shipped.
public static partial class OrderLifecycle
{
    private static string PickupNote(OrderState placed) =>
        placed.Fulfilment.IsPickup ? $", for collection at {placed.Fulfilment.WarehouseId}" : "";

    private static LifecycleResult MarkReadyForPickup(OrderState state, MarkReadyForPickupCommand c)
    {
        var changes = new Changes(state, c);
        changes.Add(OrderStatus.ReadyForPickup, EventKinds.PickupReady, $"Ready for collection at {state.Fulfilment.WarehouseId}.", forCustomer: "Ready for you to collect at the store.");
        return changes.Result();
    }

    private static LifecycleResult MarkCollected(OrderState state, MarkCollectedCommand c)
    {
        var pickList = state.PickLists.First(p => p.Id == c.PickListId);
        var collected = state with
        {
            PickLists = state.PickLists.Replace(pickList, pickList with { Status = PickListStatus.Shipped }),
            Steps = state.Steps.With(new DispatchCollected(c.PickListId)),
            DeliveredAt = c.At,
        };
        var changes = new Changes(collected, c);
        changes.Add(OrderStatus.Delivered, EventKinds.PickupCollected, $"Collected by the customer at {pickList.WarehouseId}.", forCustomer: "You collected your order at the store.");
        return changes.Result();
    }

    private static LifecycleResult RecordCollectionDispatch(OrderState state, DispatchCollected step) =>
        state.Steps.Contains(step)
            ? new LifecycleResult(state with { Steps = state.Steps.Remove(step) }, [], null)
            : Unchanged(state);
}