using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Shipping;

/// <summary>A shipment with its delivery note lines and tracking events.</summary>
[GenerateSerializer, Immutable, Alias("og.shipment-view")]
public sealed record ShipmentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string WarehouseId,
    [property: Id(3)] string Carrier,
    [property: Id(4)] string TrackingNumber,
    [property: Id(5)] ShipmentStatus Status,
    [property: Id(6)] ImmutableArray<PickListLine> Lines,
    [property: Id(7)] ImmutableArray<TrackingEvent> Events,
    [property: Id(8)] DateTimeOffset ShippedAt);