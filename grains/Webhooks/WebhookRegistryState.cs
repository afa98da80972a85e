using System.Collections.Immutable;

namespace OrderGrid.Webhooks;

[GenerateSerializer, Alias("og.webhook-registry-state")]
public sealed record WebhookRegistryState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableList<WebhookSubscription> Subscriptions { get; init; } = [];
}