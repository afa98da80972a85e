using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>A customer's online cart.</summary>
[GenerateSerializer, Immutable, Alias("og.cart-view")]
public sealed record CartView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ImmutableArray<CartLine> Lines,
    [property: Id(2)] decimal Total);