namespace OrderGrid.Waves;

/// <summary>The outcome for one pick list when its wave was marked picked.</summary>
[GenerateSerializer, Immutable, Alias("og.wave-pick-outcome")]
public sealed record WavePickOutcome(
    [property: Id(0)] string PickListId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] WavePickResult Result,
    [property: Id(3)] string? Message = null);