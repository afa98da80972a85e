namespace OrderGrid.Waves;

/// <summary>Open while its goods are being picked; picked once every pick list was marked.</summary>
[GenerateSerializer, Alias("og.wave-status")]
public enum WaveStatus
{
    Open = 0,
    Picked = 1,
}