using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>SKU → quantity, in the order the customer added them.</summary>
[GenerateSerializer, Alias("og.cart-state")]
public sealed record CartState
{
    [Id(0)] public ImmutableArray<CartItem> Items { get; init; } = [];
}