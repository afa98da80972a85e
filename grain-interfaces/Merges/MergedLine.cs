using System.Collections.Immutable;

namespace OrderGrid.Merges;

/// <summary>One SKU to pick for a merge: the units summed over its orders, with each order's share.</summary>
[GenerateSerializer, Immutable, Alias("og.merged-line")]
public sealed record MergedLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] ImmutableArray<MergedLineShare> Orders);