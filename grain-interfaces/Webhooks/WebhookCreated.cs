namespace OrderGrid.Webhooks;

/// <summary>A new subscription and its signing secret, which is shown this once.</summary>
[GenerateSerializer, Immutable, Alias("og.webhook-created")]
public sealed record WebhookCreated(
    [property: Id(0)] WebhookSubscription Subscription,
    [property: Id(1)] string Secret);