using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Waves;

/// <summary>What a new wave is made of, chosen by the warehouse's queue.</summary>
[GenerateSerializer, Immutable, Alias("og.wave-opening")]
public sealed record WaveOpening(
    [property: Id(0)] string WaveId,
    [property: Id(1)] string WarehouseId,
    [property: Id(2)] ImmutableArray<QueuedPickList> PickLists,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Actor By);