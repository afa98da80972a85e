namespace OrderGrid.Carts;

/// <summary>A product in a cart, at today's catalog price.</summary>
[GenerateSerializer, Immutable, Alias("og.cart-line")]
public sealed record CartLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice);