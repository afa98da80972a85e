using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>Turns the cart into an order with this id (the API derives it, so a retried checkout finds the same order).</summary>
[GenerateSerializer, Immutable, Alias("og.checkout")]
public sealed record Checkout(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] SalesChannel Channel,
    [property: Id(4)] Address ShipTo);