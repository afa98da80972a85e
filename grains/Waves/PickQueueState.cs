using System.Collections.Immutable;

namespace OrderGrid.Waves;

/// <summary>The persisted queue of one warehouse: the open pick lists per order, and which wave holds which pick list.</summary>
[GenerateSerializer, Alias("og.pick-queue-state")]
public sealed record PickQueueState
{
    [Id(0)] public ImmutableDictionary<string, OrderPickLists> Orders { get; init; } = ImmutableDictionary<string, OrderPickLists>.Empty;

    /// <summary>Pick list id → wave id, for open pick lists only.</summary>
    [Id(1)] public ImmutableDictionary<string, string> InWave { get; init; } = ImmutableDictionary<string, string>.Empty;

    [Id(2)] public int WavesPlanned { get; init; }
}