namespace OrderGrid.Shipping;

[GenerateSerializer, Alias("og.shipment-state")]
public sealed record ShipmentState
{
    [Id(0)] public ShipmentView? Shipment { get; init; }
}