namespace OrderGrid.Shipping;

/// <summary>Where a shipment is, as its carrier reports it.</summary>
[GenerateSerializer, Alias("og.shipment-status")]
public enum ShipmentStatus
{
    Shipped = 0,
    InTransit = 1,
    OutForDelivery = 2,
    Delivered = 3,
    Exception = 4,
}