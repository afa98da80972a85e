namespace OrderGrid.Webhooks;

/// <summary>
/// One subscription's durable outbox (key: the subscription id): queues events once each, delivers them in order,
/// retries with backoff, and keeps a log of every attempt.
/// </summary>
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Sets where and how events are delivered; called once by the registry when the subscription is added.</summary>
    Task Start(WebhookTarget target);

    /// <summary>Queues the events not seen before, durably, before it answers; events of a removed subscription are dropped.</summary>
    Task Enqueue(IReadOnlyList<WebhookEvent> events);

    /// <summary>Stops delivering and forgets the undelivered events.</summary>
    Task Stop();

    /// <summary>The latest delivery attempts, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>> Deliveries();
}