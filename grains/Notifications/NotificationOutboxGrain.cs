using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.DueWork;
using OrderGrid.Outbox;

namespace OrderGrid.Notifications;

/// <summary>
/// One order's notification outbox. Notifications are written to state before <see cref="Enqueue"/> answers and leave
/// the queue only when sent or given up, one at a time and in order; their records stay, so a repeat of an id is
/// dropped for good. Sending runs on an interleaving timer; while notifications wait, the state's wake-up time (the next
/// attempt) is stored with it, and the silo's due-work scanner wakes the outbox after a restart: no reminder, so an
/// activation reads nothing but its state.
/// </summary>
[GrainType("notification-outbox")]
public sealed partial class NotificationOutboxGrain(
    [PersistentState(GrainStateNames.NotificationOutbox, "notifications")] IPersistentState<NotificationOutboxState> state,
    IEmailSender email,
    ISmsGateway sms,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationOutboxGrain> logger) : Grain, INotificationOutboxGrain, IDueWork, IRemindable, IDisposable
{
    public const string NoEmailChannel = "not sent: no email channel configured";
    public const string NoSmsChannel = "not sent: no SMS gateway configured";

    private readonly OutboxWrites _writes = new();
    private IGrainTimer? _timer;
    private bool _sending;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public async Task Enqueue(IReadOnlyList<Notification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var seen = state.State.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var fresh = notifications.Where(n => seen.Add(n.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var skipped = fresh.Select(n => (Notification: n, Reason: Unavailable(n.Channel))).ToList();
        state.State = state.State with
        {
            Pending = state.State.Pending.AddRange(skipped.Where(s => s.Reason is null).Select(s => s.Notification)),
            Records = state.State.Records.AddRange(skipped.Select(s => new NotificationRecord(
                s.Notification.Id, s.Notification.Kind, s.Notification.Channel, s.Notification.To, s.Notification.Subject,
                s.Reason is null ? NotificationStatus.Pending : NotificationStatus.Skipped, 0, s.Reason, now, null))),
        };
        await Save();
        Schedule();
    }

    public Task<IReadOnlyList<NotificationRecord>> List() => Task.FromResult<IReadOnlyList<NotificationRecord>>(state.State.Records);

    public Task Wake()
    {
        Schedule();
        return Task.CompletedTask;
    }

    /// <summary>The reminder of earlier versions ("notification-delivery"), retired when it next fires (LegacyReminders).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Save();
        await this.Retire(reminderName);
        Schedule();
    }

    public void Dispose() => _writes.Dispose();

    private string? Unavailable(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email when !email.IsConfigured => NoEmailChannel,
        NotificationChannel.Sms when !sms.IsConfigured => NoSmsChannel,
        _ => null,
    };

    private void Schedule()
    {
        if (_sending || state.State.Pending.IsEmpty)
        {
            return;
        }

        var due = state.State.NextAttemptAt - clock.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(SendDue, new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan)
        {
            Interleave = true,
            KeepAlive = true,
        });
    }

    private async Task SendDue()
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            while (state.State is { Pending.IsEmpty: false } && state.State.NextAttemptAt <= clock.GetUtcNow())
            {
                await Attempt(state.State.Pending[0]);
            }
        }
        finally
        {
            _sending = false;
        }

        Schedule();
    }

    private async Task Attempt(Notification next)
    {
        var result = await Send(next);
        var now = clock.GetUtcNow();
        var attempt = state.State.Failures + 1;
        var status = result.Sent ? NotificationStatus.Sent : attempt >= options.Value.MaxAttempts ? NotificationStatus.Failed : NotificationStatus.Pending;
        var index = state.State.Records.FindLastIndex(r => string.Equals(r.Id, next.Id, StringComparison.Ordinal));
        var records = state.State.Records.SetItem(index, state.State.Records[index] with
        {
            Status = status,
            Attempts = attempt,
            LastError = result.Error,
            SentAt = result.Sent ? now : null,
        });
        state.State = status == NotificationStatus.Pending
            ? state.State with { Failures = attempt, NextAttemptAt = now + options.Value.RetryDelay(attempt), Records = records }
            : state.State with { Pending = state.State.Pending.RemoveAt(0), Failures = 0, NextAttemptAt = now, Records = records };
        if (status == NotificationStatus.Failed)
        {
            LogGaveUp(logger, next.Id, attempt, result.Error);
        }

        await Save();
    }

    private async Task<DeliveryResult> Send(Notification next)
    {
        try
        {
            return next.Channel == NotificationChannel.Sms
                ? await sms.Send(next.To, next.Text, CancellationToken.None)
                : await email.Send(next, CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return DeliveryResult.Failure(failure.Message);
        }
    }

    private Task Save() => _writes.Save(state.WriteStateAsync);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} failed after {Attempts} attempts ({Error}); giving up")]
    private static partial void LogGaveUp(ILogger logger, string notificationId, int attempts, string? error);
}