using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>
/// Changes an order before picking: its lines and its ship-to address. Empty lines keep the order's lines; a null
/// address keeps its address. As a <paramref name="Correction"/> (staff in the review queue) it is accepted only
/// while the order awaits review.
/// </summary>
/// <param name="Lines">The order's complete new lines: a SKU left out is removed, a new one added.</param>
[GenerateSerializer, Immutable, Alias("og.modify-order")]
public sealed record ModifyOrder(
    [property: Id(0)] ImmutableArray<OrderLineRequest> Lines,
    [property: Id(1)] Address? ShipTo,
    [property: Id(2)] bool Correction = false);