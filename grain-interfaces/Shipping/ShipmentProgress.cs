namespace OrderGrid.Shipping;

/// <summary>A shipment's news for its order.</summary>
[GenerateSerializer, Immutable, Alias("og.shipment-progress")]
public sealed record ShipmentProgress(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] TrackingEvent Event);