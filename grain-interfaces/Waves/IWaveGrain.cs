using OrderGrid.Common;

namespace OrderGrid.Waves;

/// <summary>A batch of pick lists of one warehouse picked in one walk (key: wave id, e.g. <c>WV-uk-north-3</c>).</summary>
public interface IWaveGrain : IGrainWithStringKey
{
    /// <summary>Starts the wave; opening it again changes nothing.</summary>
    Task<WaveView> Open(WaveOpening opening);

    /// <summary>The wave, or null when no wave has this id.</summary>
    [ReadOnly]
    Task<WaveView?> Get();

    /// <summary>Marks every pick list of the wave picked; a pick list already picked counts as done. Asking again answers the same outcomes.</summary>
    Task<Outcome<WaveView>> MarkPicked(Actor by);
}