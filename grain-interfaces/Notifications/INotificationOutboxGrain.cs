namespace OrderGrid.Notifications;

/// <summary>
/// A durable outbox of notifications (key: the order id, or <c>promotion:{id}</c>): queues each notification id
/// once, sends one at a time, retries with backoff, and keeps the record of each.
/// </summary>
public interface INotificationOutboxGrain : IGrainWithStringKey
{
    /// <summary>Queues the notifications not seen before, durably, before it answers.</summary>
    Task Enqueue(IReadOnlyList<Notification> notifications);

    /// <summary>Every notification of this outbox, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<NotificationRecord>> List();
}