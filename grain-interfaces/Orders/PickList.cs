using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>The work for one warehouse on one order: picked, packed, then shipped as one shipment.</summary>
/// <param name="Id">The order id followed by <c>-P</c> and a number, e.g. <c>OG-7K3M-2Q9F-P1</c>.</param>
[GenerateSerializer, Immutable, Alias("og.pick-list")]
public sealed record PickList(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string WarehouseId,
    [property: Id(3)] ImmutableArray<PickListLine> Lines,
    [property: Id(4)] PickListStatus Status,
    [property: Id(5)] string? ShipmentId);