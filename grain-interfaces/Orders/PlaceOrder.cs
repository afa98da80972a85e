using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>Places a new order. Sent again with the same content, it answers the order already placed.</summary>
/// <param name="ShipTo">Required for delivery; optional for a pickup.</param>
/// <param name="Fulfilment">Delivery when not given.</param>
[GenerateSerializer, Immutable, Alias("og.place-order")]
public sealed record PlaceOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] SalesChannel Channel,
    [property: Id(4)] ImmutableArray<OrderLineRequest> Lines,
    [property: Id(5)] Address? ShipTo,
    [property: Id(6)] Actor PlacedBy,
    [property: Id(7)] Fulfilment? Fulfilment = null);