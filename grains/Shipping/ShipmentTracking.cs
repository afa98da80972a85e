namespace OrderGrid.Shipping;

/// <summary>Which carrier events a shipment accepts: anything until it is delivered, and never "shipped" again.</summary>
public static class ShipmentTracking
{
    /// <returns>Why the move is refused, or null when it is allowed.</returns>
    public static string? Refuse(ShipmentStatus from, ShipmentStatus to) => (from, to) switch
    {
        (ShipmentStatus.Delivered, _) => "The shipment has already been delivered.",
        (_, ShipmentStatus.Shipped) => "A shipment is shipped once, when its pick list ships.",
        _ when !Enum.IsDefined(to) => $"Unknown shipment status {to}.",
        _ => null,
    };
}