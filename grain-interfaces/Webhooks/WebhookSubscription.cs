using System.Collections.Immutable;

namespace OrderGrid.Webhooks;

/// <summary>A subscription as admins see it: never its secret.</summary>
[GenerateSerializer, Immutable, Alias("og.webhook-subscription")]
public sealed record WebhookSubscription(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableArray<string> Events,
    [property: Id(3)] bool Active,
    [property: Id(4)] DateTimeOffset CreatedAt);