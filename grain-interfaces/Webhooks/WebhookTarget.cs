namespace OrderGrid.Webhooks;

/// <summary>What a subscription's outbox needs to deliver: the subscription and the secret it signs with.</summary>
[GenerateSerializer, Immutable, Alias("og.webhook-target")]
public sealed record WebhookTarget(
    [property: Id(0)] WebhookSubscription Subscription,
    [property: Id(1)] string Secret);