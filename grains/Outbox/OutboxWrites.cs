namespace OrderGrid.Outbox;

/// <summary>
/// The writes of an outbox grain (webhooks, notifications). They take turns, because sending interleaves with
/// enqueueing. No reminder: the state's wake-up time (<see cref="Common.IHasDueTime"/>: the next attempt while work
/// waits) is written with it, and the silo's due-work scanner wakes the outbox after a restart.
/// </summary>
internal sealed class OutboxWrites : IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Writes the state with <paramref name="write"/>, after any write in progress.</summary>
    public async Task Save(Func<Task> write)
    {
        await _writing.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();
}