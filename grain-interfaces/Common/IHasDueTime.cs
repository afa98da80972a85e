namespace OrderGrid.Common;

/// <summary>
/// A grain state that has a wake-up time: the time from which its grain has work to do even if nobody calls it (a
/// notification to retry, a cart hold to release, a rating to ask for). The grain storage keeps this time beside the
/// state, written with it, and the silo's due-work scanner calls <see cref="IDueWork.Wake"/> on the grain once it has
/// passed, also after a restart. <c>null</c>: nothing waits. It is computed from the state, never stored in its payload.
/// </summary>
public interface IHasDueTime
{
    DateTimeOffset? DueAt { get; }
}