using System.Diagnostics;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.DueWork;
using OrderGrid.Outbox;

namespace OrderGrid.Webhooks;

/// <summary>
/// One subscription's outbox. Events are written to state before <see cref="Enqueue"/> answers and leave it only
/// when delivered or given up, one at a time and in order. Delivery runs on an interleaving timer, so a slow
/// receiver never holds up the order feed; writes take turns. While events wait, the state's wake-up time (the next
/// attempt) is stored with it, and the silo's due-work scanner wakes the outbox after a restart: no reminder.
/// </summary>
[GrainType("webhook")]
public sealed partial class WebhookGrain(
    [PersistentState("webhook", "webhooks")] IPersistentState<WebhookState> state,
    IWebhookPoster poster,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IDueWork, IRemindable, IDisposable
{
    private readonly OutboxWrites _writes = new();
    private IGrainTimer? _timer;
    private bool _delivering;

    private WebhookOptions Settings => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public async Task Start(WebhookTarget target)
    {
        state.State = state.State with { Target = target };
        await Save();
    }

    public async Task Enqueue(IReadOnlyList<WebhookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (state.State.Target is null)
        {
            return;
        }

        var seen = state.State.Seen.ToHashSet(StringComparer.Ordinal);
        var fresh = events.Where(e => seen.Add(e.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var remembered = state.State.Seen.AddRange(fresh.Select(e => e.Id));
        state.State = state.State with
        {
            Pending = state.State.Pending.AddRange(fresh),
            Seen = remembered.RemoveRange(0, Math.Max(0, remembered.Count - Settings.RememberedEvents)),
        };
        await Save();
        Schedule();
    }

    public async Task Stop()
    {
        _timer?.Dispose();
        _timer = null;
        state.State = state.State with { Target = null, Pending = [], Failures = 0 };
        await Save();
    }

    public Task<IReadOnlyList<WebhookDelivery>> Deliveries() => Task.FromResult<IReadOnlyList<WebhookDelivery>>(state.State.Deliveries);

    public Task Wake()
    {
        Schedule();
        return Task.CompletedTask;
    }

    /// <summary>The reminder of earlier versions ("webhook-delivery"), retired when it next fires (LegacyReminders).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Save();
        await this.Retire(reminderName);
        Schedule();
    }

    public void Dispose() => _writes.Dispose();

    private void Schedule()
    {
        if (_delivering || state.State.Target is null || state.State.Pending.IsEmpty)
        {
            return;
        }

        var due = state.State.NextAttemptAt - clock.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(DeliverDue, new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan)
        {
            Interleave = true,
            KeepAlive = true,
        });
    }

    private async Task DeliverDue()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (state.State is { Target: { } target, Pending.IsEmpty: false } && state.State.NextAttemptAt <= clock.GetUtcNow())
            {
                await Attempt(target, state.State.Pending[0]);
            }
        }
        finally
        {
            _delivering = false;
        }

        Schedule();
    }

    private async Task Attempt(WebhookTarget target, WebhookEvent next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await poster.Post(target, next, CancellationToken.None);
        var took = Stopwatch.GetElapsedTime(started);

        // Stopped while the post was under way: the event is no longer ours to log or retry.
        if (state.State.Target is null || state.State.Pending.IsEmpty || !ReferenceEquals(state.State.Pending[0], next))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var attempt = state.State.Failures + 1;
        var outcome = response.Delivered ? "delivered" : attempt >= Settings.MaxAttempts ? "failed" : "retrying";
        // Without an answer the time taken is not shown: it would tell a closed port from a filtered one.
        var duration = response.StatusCode is null ? 0 : Math.Round(took.TotalMilliseconds, 1);
        var deliveries = state.State.Deliveries.Insert(0, new WebhookDelivery(
            next.Id, next.Type, attempt, response.StatusCode, response.Error, duration, now, outcome));
        if (deliveries.Count > Settings.KeptDeliveries)
        {
            deliveries = deliveries.RemoveRange(Settings.KeptDeliveries, deliveries.Count - Settings.KeptDeliveries);
        }

        state.State = outcome == "retrying"
            ? state.State with { Failures = attempt, NextAttemptAt = now + Settings.RetryDelay(attempt), Deliveries = deliveries }
            : state.State with { Pending = state.State.Pending.RemoveAt(0), Failures = 0, NextAttemptAt = now, Deliveries = deliveries };
        if (outcome == "failed")
        {
            LogGaveUp(logger, next.Id, target.Subscription.Id, attempt, response.StatusCode, response.Error);
        }

        await Save();
    }

    private Task Save() => _writes.Save(state.WriteStateAsync);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} for subscription {SubscriptionId} failed after {Attempts} attempts (status {StatusCode}, error {Error}); giving up")]
    private static partial void LogGaveUp(ILogger logger, string eventId, string subscriptionId, int attempts, int? statusCode, string? error);
}