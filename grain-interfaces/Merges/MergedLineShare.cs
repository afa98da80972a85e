namespace OrderGrid.Merges;

/// <summary>The units of a merged line that belong to one order's pick list.</summary>
[GenerateSerializer, Immutable, Alias("og.merged-line-share")]
public sealed record MergedLineShare(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PickListId,
    [property: Id(2)] int Quantity);