namespace OrderGrid.Waves;

/// <summary>How many units of a wave stop go to one pick list (and its order).</summary>
[GenerateSerializer, Immutable, Alias("og.wave-share")]
public sealed record WaveShare(
    [property: Id(0)] string PickListId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] int Quantity);