using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Rules;

/// <summary>
/// When a rule matches: every condition given must hold; a condition left out (null or empty) matches any order.
/// </summary>
/// <param name="MinTotal">The order total is more than this (exclusive, as the review threshold always was).</param>
/// <param name="MaxTotal">The order total is at most this.</param>
/// <param name="Channels">The order came through one of these channels.</param>
/// <param name="Countries">The ship-to country is one of these (ISO 3166 two-letter codes).</param>
/// <param name="Skus">Some line is for one of these SKUs.</param>
/// <param name="MinQuantity">Some line has at least this many units.</param>
/// <param name="Segments">The customer is in one of these segments of the serving planning model.</param>
/// <param name="NewCustomer">True: the customer has no earlier order; false: they have one.</param>
[GenerateSerializer, Immutable, Alias("og.rule-conditions")]
public sealed record RuleConditions(
    [property: Id(0)] decimal? MinTotal = null,
    [property: Id(1)] decimal? MaxTotal = null,
    [property: Id(2)] ImmutableArray<SalesChannel> Channels = default,
    [property: Id(3)] ImmutableArray<string> Countries = default,
    [property: Id(4)] ImmutableArray<string> Skus = default,
    [property: Id(5)] int? MinQuantity = null,
    [property: Id(6)] ImmutableArray<string> Segments = default,
    [property: Id(7)] bool? NewCustomer = null)
{
    /// <summary>The same conditions with every list present (empty for "any") and country codes in capitals.</summary>
    public RuleConditions Normalized() => this with
    {
        Channels = Channels.IsDefault ? [] : Channels,
        Countries = Countries.IsDefault ? [] : [.. Countries.Select(c => c.ToUpperInvariant())],
        Skus = Skus.IsDefault ? [] : Skus,
        Segments = Segments.IsDefault ? [] : Segments,
    };
}
