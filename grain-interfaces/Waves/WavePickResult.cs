namespace OrderGrid.Waves;

/// <summary>What marking one pick list of a wave picked came to.</summary>
[GenerateSerializer, Alias("og.wave-pick-result")]
public enum WavePickResult
{
    /// <summary>Marked picked by this wave.</summary>
    Picked = 0,

    /// <summary>Already picked (or further) before: counts as done.</summary>
    AlreadyPicked = 1,

    /// <summary>The order refused, e.g. it was cancelled; the message says why.</summary>
    Refused = 2,
}