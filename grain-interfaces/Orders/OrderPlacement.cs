namespace OrderGrid.Orders;

/// <summary>The answer to placing an order.</summary>
/// <param name="Replayed">True when this order had already been placed by the same request (idempotent retry).</param>
[GenerateSerializer, Immutable, Alias("og.order-placement")]
public sealed record OrderPlacement(
    [property: Id(0)] OrderView Order,
    [property: Id(1)] bool Replayed);