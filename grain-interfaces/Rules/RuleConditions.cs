using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Rules;

/// <summary>
/// When a rule matches: every condition given must hold; a condition left out (null or empty) matches any order.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.rule-conditions")]
public sealed record RuleConditions
{
    /// <summary>The order total is more than this (exclusive, as the review threshold always was).</summary>
    [Id(0)] public decimal? MinTotal { get; init; }

    /// <summary>The order total is at most this.</summary>
    [Id(1)] public decimal? MaxTotal { get; init; }

    /// <summary>The order came through one of these channels.</summary>
    [Id(2)] public ImmutableArray<SalesChannel> Channels { get; init; } = [];

    /// <summary>The ship-to country is one of these (ISO 3166 two-letter codes).</summary>
    [Id(3)] public ImmutableArray<string> Countries { get; init; } = [];

    /// <summary>Some line is for one of these SKUs.</summary>
    [Id(4)] public ImmutableArray<string> Skus { get; init; } = [];

    /// <summary>Some line has at least this many units.</summary>
    [Id(5)] public int? MinQuantity { get; init; }

    /// <summary>The customer is in one of these segments of the serving planning model.</summary>
    [Id(6)] public ImmutableArray<string> Segments { get; init; } = [];

    /// <summary>True: the customer has no earlier order; false: they have one.</summary>
    [Id(7)] public bool? NewCustomer { get; init; }

    /// <summary>The same conditions with every list present (empty for "any") and country codes in capitals.</summary>
    public RuleConditions Normalized() => this with
    {
        Channels = Channels.IsDefault ? [] : Channels,
        Countries = Countries.IsDefault ? [] : [.. Countries.Select(c => c.ToUpperInvariant())],
        Skus = Skus.IsDefault ? [] : Skus,
        Segments = Segments.IsDefault ? [] : Segments,
    };
}