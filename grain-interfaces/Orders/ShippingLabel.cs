namespace OrderGrid.Orders;

/// <summary>What shipping a packed pick list answers: the shipment and how to follow it.</summary>
[GenerateSerializer, Immutable, Alias("og.shipping-label")]
public sealed record ShippingLabel(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] string Carrier,
    [property: Id(2)] string TrackingNumber);