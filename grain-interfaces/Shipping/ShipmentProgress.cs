namespace OrderGrid.Shipping;

/// <summary>A shipment's news for its order.</summary>
/// <param name="EventNumber">1 for the shipment's first event, 2 for the next…: an order follows each number once.</param>
/// <param name="Shipment">The shipment as recorded with this event, carried to the order's followers (null from older senders).</param>
[GenerateSerializer, Immutable, Alias("og.shipment-progress")]
public sealed record ShipmentProgress(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] TrackingEvent Event,
    [property: Id(2)] int EventNumber,
    [property: Id(3)] ShipmentView? Shipment = null);