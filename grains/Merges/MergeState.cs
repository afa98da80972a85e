using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Merges;

[GenerateSerializer, Alias("og.merge-state")]
public sealed record MergeState
{
    [Id(0)] public ImmutableArray<string> OrderIds { get; init; } = [];
    [Id(1)] public ImmutableArray<string> PickListIds { get; init; } = [];
    [Id(2)] public string CustomerId { get; init; } = "";
    [Id(3)] public string WarehouseId { get; init; } = "";
    [Id(4)] public DateTimeOffset MergedAt { get; init; }

    /// <summary>Chosen once, before any member ships, so a retried ship uses the same label.</summary>
    [Id(5)] public ShippingLabel? Label { get; init; }

    public bool Exists => !OrderIds.IsEmpty;
}