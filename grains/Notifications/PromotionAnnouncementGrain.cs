using OrderGrid.Customers;
using OrderGrid.Planning;

namespace OrderGrid.Notifications;

/// <summary>
/// Works through a promotion's segment <see cref="BatchSize"/> customers at a time, in customer id order: each batch's
/// notifications are in the outbox before the position after it is written, so a crash repeats at most one batch,
/// which the outbox drops by id. A reminder lives until the last batch, so a restart or a failed batch resumes.
/// </summary>
[GrainType("promotion-announcement")]
public sealed class PromotionAnnouncementGrain(
    [PersistentState("announcement", "notifications")] IPersistentState<PromotionAnnouncementState> state,
    ISmsGateway sms) : Grain, IPromotionAnnouncementGrain, IRemindable
{
    public const int BatchSize = 200;

    private const string Reminder = "promotion-announcement";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Resume();
        return Task.CompletedTask;
    }

    public async Task Announce(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        if (state.State.Promotion is not null)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(Reminder, RetryPeriod, RetryPeriod);
        state.State = new PromotionAnnouncementState { Promotion = promotion };
        await state.WriteStateAsync();
        Resume();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Resume();
        return Task.CompletedTask;
    }

    private void Resume()
    {
        if (state.State is not { Promotion: not null, Done: false })
        {
            return;
        }

        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(AnnounceRest, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task AnnounceRest()
    {
        while (!state.State.Done)
        {
            await AnnounceNextBatch();
        }

        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task AnnounceNextBatch()
    {
        var promotion = state.State.Promotion!;
        var members = await GrainFactory.GetGrain<IPlanningQueryGrain>(0).SegmentMembers(promotion.Segment, state.State.After, BatchSize);
        var customers = await Task.WhenAll(members.Select(id => GrainFactory.GetGrain<ICustomerGrain>(id).Get()));
        var message = PromotionTemplate.Render(promotion);
        var notifications = customers.SelectMany(c => NotificationsFor(promotion, c, message)).ToList();
        if (notifications.Count > 0)
        {
            await GrainFactory.GetGrain<INotificationOutboxGrain>(IPromotionAnnouncementGrain.OutboxOf(promotion.Id)).Enqueue(notifications);
        }

        state.State = state.State with { After = members.Count > 0 ? members[^1] : state.State.After, Done = members.Count < BatchSize };
        await state.WriteStateAsync();
    }

    private IEnumerable<Notification> NotificationsFor(Promotion promotion, CustomerDetails customer, RenderedMessage message)
    {
        var id = $"{IPromotionAnnouncementGrain.OutboxOf(promotion.Id)}:{customer.Id}";
        if (!string.IsNullOrWhiteSpace(customer.Email))
        {
            yield return new Notification($"{id}:email", PromotionTemplate.Kind, NotificationChannel.Email, customer.Email, message.Subject, message.Text, message.Html);
        }

        if (sms.IsConfigured && !string.IsNullOrWhiteSpace(customer.Phone))
        {
            yield return new Notification($"{id}:sms", PromotionTemplate.Kind, NotificationChannel.Sms, customer.Phone, message.Subject, message.Sms, null);
        }
    }
}