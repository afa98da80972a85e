using OrderGrid.Orders;

namespace OrderGrid.Webhooks;

/// <summary>
/// Follows the order change feed and queues each new timeline entry in the outbox of every active subscription
/// whose filters match. It answers only after every outbox has written the events, so a failure leaves the change
/// in the order's outbox to be fed again; the outboxes drop the repeats by event id.
/// </summary>
public sealed class WebhookFanOut(IGrainFactory grains) : IOrderChangeConsumer
{
    public async Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var subscriptions = await grains.GetGrain<IWebhookRegistryGrain>("default").List();
        if (subscriptions.Count == 0)
        {
            return;
        }

        var events = changes.SelectMany(OrderEvents.From).ToList();
        await Task.WhenAll(subscriptions
            .Select(s => (s.Id, Events: events.Where(e => WebhookEventFilter.MatchesAny(s.Events, e.Type)).ToList()))
            .Where(s => s.Events.Count > 0)
            .Select(s => grains.GetGrain<IWebhookGrain>(s.Id).Enqueue(s.Events)));
    }
}