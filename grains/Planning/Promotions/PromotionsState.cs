using System.Collections.Immutable;

namespace OrderGrid.Planning.Promotions;

[GenerateSerializer, Alias("og.promotions-state")]
public sealed record PromotionsState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableList<Promotion> Promotions { get; init; } = [];
}