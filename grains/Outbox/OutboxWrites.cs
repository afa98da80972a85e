namespace OrderGrid.Outbox;

/// <summary>
/// The writes of an outbox grain (webhooks, notifications). They take turns, because sending interleaves with
/// enqueueing; a reminder is registered before work is written (a restart always finds it) and dropped after the
/// queue is written empty.
/// </summary>
internal sealed class OutboxWrites(IGrainBase grain, string reminderName) : IDisposable
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _writing = new(1, 1);
    private IGrainReminder? _reminder;

    /// <summary>Finds the reminder an earlier activation left, so that it is not registered twice.</summary>
    public async Task Load(CancellationToken cancellationToken) => _reminder = await grain.GetReminder(reminderName, cancellationToken);

    /// <summary>Writes the state with <paramref name="write"/>; <paramref name="waiting"/> says whether work is queued.</summary>
    public async Task Save(Func<bool> waiting, Func<Task> write)
    {
        await _writing.WaitAsync();
        try
        {
            if (waiting() && _reminder is null)
            {
                _reminder = await grain.RegisterOrUpdateReminder(reminderName, ReminderPeriod, ReminderPeriod);
            }

            await write();
            if (!waiting() && _reminder is { } reminder)
            {
                _reminder = null;
                await grain.UnregisterReminder(reminder);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();
}