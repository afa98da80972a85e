namespace OrderGrid.Carts;

/// <summary>A product in a cart, at today's catalog price.</summary>
/// <param name="Held">Units the cart's hold keeps for it now (at most <paramref name="Quantity"/>).</param>
[GenerateSerializer, Immutable, Alias("og.cart-line")]
public sealed record CartLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] int Held = 0);