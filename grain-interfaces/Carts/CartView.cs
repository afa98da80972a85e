using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>A customer's online cart.</summary>
/// <param name="HeldUntil">When the stock held for the cart is released unless the cart changes or checks out; null when nothing is held.</param>
[GenerateSerializer, Immutable, Alias("og.cart-view")]
public sealed record CartView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ImmutableArray<CartLine> Lines,
    [property: Id(2)] decimal Total,
    [property: Id(3)] DateTimeOffset? HeldUntil = null);