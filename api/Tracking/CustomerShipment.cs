using System.Collections.Immutable;

using OrderGrid.Shipping;

namespace OrderGrid.Api.Tracking;

/// <summary>A parcel of the order and where it is.</summary>
public sealed record CustomerShipment(
    string Id,
    string Carrier,
    string TrackingNumber,
    ShipmentStatus Status,
    ImmutableArray<CustomerTrackingEvent> Events)
{
    public static CustomerShipment From(ShipmentView shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return new(
            shipment.Id,
            shipment.Carrier,
            shipment.TrackingNumber,
            shipment.Status,
            [.. shipment.Events.OrderBy(e => e.OccurredAt).Select(e => new CustomerTrackingEvent(e.Status, e.Location, e.OccurredAt))]);
    }
}