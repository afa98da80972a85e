using Microsoft.Extensions.Options;

using OrderGrid.Orders;

namespace OrderGrid.Notifications;

/// <summary>
/// Follows the order change feed and queues each order's notifications in that order's outbox. It answers only after
/// every outbox has written them, so a failure leaves the change to be fed again; the outboxes drop repeats by id.
/// </summary>
public sealed class NotificationFanOut(IGrainFactory grains, IOptions<NotificationOptions> options, ISmsGateway sms) : IOrderChangeConsumer
{
    public async Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await Task.WhenAll(changes
            .Select(c => (c.Order.Id, Notifications: OrderNotifications.From(c, options.Value, sms.IsConfigured).ToList()))
            .Where(c => c.Notifications.Count > 0)
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<INotificationOutboxGrain>(g.Key).Enqueue([.. g.SelectMany(c => c.Notifications)])));
    }
}