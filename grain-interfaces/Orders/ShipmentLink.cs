using OrderGrid.Shipping;

namespace OrderGrid.Orders;

/// <summary>The order's view of one of its shipments.</summary>
[GenerateSerializer, Immutable, Alias("og.shipment-link")]
public sealed record ShipmentLink(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] string PickListId,
    [property: Id(2)] string Carrier,
    [property: Id(3)] string TrackingNumber,
    [property: Id(4)] ShipmentStatus Status,
    [property: Id(5)] int EventsFollowed = 0);