using System.Collections.Immutable;

namespace OrderGrid.Waves;

/// <summary>One stop of a wave's pick path: a SKU with all its units, and how they are shared among the pick lists.</summary>
[GenerateSerializer, Immutable, Alias("og.wave-stop")]
public sealed record WaveStop(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Location,
    [property: Id(3)] int Quantity,
    [property: Id(4)] ImmutableArray<WaveShare> Shares);