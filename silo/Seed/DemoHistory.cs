namespace OrderGrid.Silo.Seed;

/// <summary>
/// Whether the demo's sales history is in place. <see cref="Ready"/> completes once the history seed is over:
/// imported, found already there, not wanted (seed off, in-memory storage), or failed (logged). It never faults,
/// so the planning trainer awaits it before its first training and then trains on whatever history there is.
/// </summary>
public sealed class DemoHistory
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the history seed is over, whatever its outcome.</summary>
    public Task Ready => ready.Task;

    internal void MarkReady() => ready.TrySetResult();
}