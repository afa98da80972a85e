namespace OrderGrid.Carts;

[GenerateSerializer, Immutable, Alias("og.cart-item")]
public sealed record CartItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);