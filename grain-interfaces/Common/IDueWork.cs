namespace OrderGrid.Common;

/// <summary>
/// A grain whose state has a wake-up time (<see cref="IHasDueTime"/>): the due-work scanner calls <see cref="Wake"/>
/// once that time has passed. It does what is due by the grain's own clock and state, so a call that comes early, late
/// or twice (several silos scan the same rows) changes nothing that a single timely call would not; the grain's next
/// write records its next wake-up time (or none).
/// </summary>
public interface IDueWork : IGrainWithStringKey
{
    Task Wake();
}