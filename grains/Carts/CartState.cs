using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Carts;

/// <summary>SKU → quantity, in the order the shopper added them, the stock held for them, and the customer who owns the cart.</summary>
[GenerateSerializer, Alias("og.cart-state")]
public sealed record CartState : IHasDueTime
{
    /// <summary>When the hold ends and the cart must release it; none while nothing is held.</summary>
    public DateTimeOffset? DueAt => Holding ? HeldUntil : null;

    [Id(0)] public ImmutableArray<CartItem> Items { get; init; } = [];

    /// <summary>Numbers the cart's holds: each hold has its own stock id, so a late expiry never touches a newer hold.</summary>
    [Id(1)] public long HoldNumber { get; init; }

    /// <summary>Where the current hold keeps units (recorded before the stock is asked, so nothing can leak).</summary>
    [Id(2)] public ImmutableArray<HeldStock> Held { get; init; } = [];

    [Id(3)] public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>When the current hold was released (expired, emptied or checked out); null while it holds.</summary>
    [Id(4)] public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>When the cart first held stock since it was opened or last checked out: holds end for good a fixed time later.</summary>
    [Id(5)] public DateTimeOffset? FirstHeldAt { get; init; }

    /// <summary>The signed-in customer who opened the cart; null for a guest's cart (its id alone opens it).</summary>
    [Id(6)] public string? CustomerId { get; init; }

    public bool Holding => HoldNumber > 0 && ReleasedAt is null;
}