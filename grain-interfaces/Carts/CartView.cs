using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>An online cart.</summary>
/// <param name="Id">The cart's id: server-issued and unguessable, the capability that opens a guest's cart.</param>
/// <param name="HeldUntil">When the stock held for the cart is released unless the cart changes or checks out; null when nothing is held.</param>
/// <param name="CustomerId">The signed-in customer who owns the cart (only they or staff may use it); null for a guest's cart.</param>
[GenerateSerializer, Immutable, Alias("og.cart-view")]
public sealed record CartView(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<CartLine> Lines,
    [property: Id(2)] decimal Total,
    [property: Id(3)] DateTimeOffset? HeldUntil = null,
    [property: Id(4)] string? CustomerId = null);