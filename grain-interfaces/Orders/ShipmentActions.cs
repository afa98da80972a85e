using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>The carrier events the shipment <paramref name="ShipmentId"/> may take now.</summary>
[GenerateSerializer, Immutable, Alias("og.shipment-actions")]
public sealed record ShipmentActions(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] ImmutableArray<ShipmentAction> AllowedActions);