using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Shipping;

/// <summary>A packed pick list handed to a carrier.</summary>
[GenerateSerializer, Immutable, Alias("og.new-shipment")]
public sealed record NewShipment(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PickListId,
    [property: Id(2)] string WarehouseId,
    [property: Id(3)] string Carrier,
    [property: Id(4)] string TrackingNumber,
    [property: Id(5)] ImmutableArray<PickListLine> Lines,
    [property: Id(6)] Address ShipTo,
    [property: Id(7)] DateTimeOffset ShippedAt);