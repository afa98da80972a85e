using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Shipping;

/// <summary>
/// One shipment and its carrier events. It tells its order of each event and waits for the answer: the order
/// only ever calls a shipment to create it, before which the shipment has nothing to tell, so no call cycle exists.
/// </summary>
[GrainType("shipment")]
public sealed class ShipmentGrain(
    [PersistentState("shipment", "shipments")] IPersistentState<ShipmentState> state) : Grain, IShipmentGrain
{
    public async Task<ShipmentView> Create(NewShipment shipment)
    {
        if (state.State.Shipment is { } existing)
        {
            return state.State.Orders.Contains(shipment.OrderId) ? existing : await Carry(existing, shipment);
        }

        state.State = new()
        {
            Shipment = new ShipmentView(
            this.GetPrimaryKeyString(), shipment.OrderId, shipment.WarehouseId, shipment.Carrier, shipment.TrackingNumber,
            ShipmentStatus.Shipped, shipment.Lines, [], shipment.ShippedAt)
        };
        await state.WriteStateAsync();
        return state.State.Shipment;
    }

    public Task<ShipmentView?> Get() => Task.FromResult(state.State.Shipment);

    public async Task<Outcome<ShipmentView>> Record(TrackingEvent trackingEvent)
    {
        if (state.State.Shipment is not { } shipment)
        {
            return Refusal.NotFound("shipment.not-found", $"Shipment {this.GetPrimaryKeyString()} does not exist.");
        }

        // A carrier retrying an event whose answer it lost: tell the order again (it follows each event once).
        if (!shipment.Events.IsEmpty && IsSameReport(shipment.Events[^1], trackingEvent))
        {
            await TellOrders(new ShipmentProgress(shipment.Id, shipment.Events[^1], shipment.Events.Length, shipment));
            return shipment;
        }

        if (ShipmentTracking.Refuse(shipment.Status, trackingEvent.Status) is { } reason)
        {
            return Refusal.Conflict("shipment.illegal-transition", reason);
        }

        var recorded = shipment with { Status = trackingEvent.Status, Events = shipment.Events.Add(trackingEvent) };
        state.State = state.State with { Shipment = recorded };
        await state.WriteStateAsync();
        await TellOrders(new ShipmentProgress(shipment.Id, trackingEvent, recorded.Events.Length, recorded));
        return recorded;
    }

    /// <summary>Another merged order's pick list joins the parcel under the same label: its lines go on the delivery note.</summary>
    private async Task<ShipmentView> Carry(ShipmentView existing, NewShipment shipment)
    {
        // A merge ships all its orders before the carrier has anything to report, so this write meets no event's.
        state.State = state.State with
        {
            Shipment = existing with { Lines = existing.Lines.AddRange(shipment.Lines) },
            MergedOrders = state.State.MergedOrders.Add(shipment.OrderId),
        };
        await state.WriteStateAsync();
        return state.State.Shipment!;
    }

    private Task TellOrders(ShipmentProgress progress) =>
        Task.WhenAll(state.State.Orders.Select(id => GrainFactory.GetGrain<IOrderGrain>(id).FollowShipment(progress)));

    private static bool IsSameReport(TrackingEvent recorded, TrackingEvent incoming) =>
        recorded.Status == incoming.Status && recorded.Location == incoming.Location && recorded.OccurredAt == incoming.OccurredAt
        && recorded.Reason == incoming.Reason;
}