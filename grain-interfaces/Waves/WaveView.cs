using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Waves;

/// <summary>A wave: its pick lists in queue order, the combined pick path, and once picked the outcome per pick list.</summary>
[GenerateSerializer, Immutable, Alias("og.wave-view")]
public sealed record WaveView(
    [property: Id(0)] string Id,
    [property: Id(1)] string WarehouseId,
    [property: Id(2)] WaveStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Actor CreatedBy,
    [property: Id(5)] ImmutableArray<QueuedPickList> PickLists,
    [property: Id(6)] ImmutableArray<WaveStop> PickPath,
    [property: Id(7)] ImmutableArray<WavePickOutcome> Outcomes,
    [property: Id(8)] DateTimeOffset? PickedAt = null);