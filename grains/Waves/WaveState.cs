namespace OrderGrid.Waves;

/// <summary>The persisted wave: null until the queue opens it.</summary>
[GenerateSerializer, Alias("og.wave-state")]
public sealed record WaveState
{
    [Id(0)] public WaveView? View { get; init; }
}