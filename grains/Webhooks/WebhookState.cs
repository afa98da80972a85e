using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Webhooks;

[GenerateSerializer, Alias("og.webhook-state")]
public sealed record WebhookState : IHasDueTime
{
    /// <summary>The next attempt while events wait for a live subscription; none otherwise.</summary>
    public DateTimeOffset? DueAt => Target is null || Pending.IsEmpty ? null : NextAttemptAt;

    /// <summary>Null until the registry starts it, and after it is stopped.</summary>
    [Id(0)] public WebhookTarget? Target { get; init; }

    /// <summary>Undelivered events, oldest first; the first is being tried.</summary>
    [Id(1)] public ImmutableList<WebhookEvent> Pending { get; init; } = [];

    /// <summary>Failed attempts of the first pending event.</summary>
    [Id(2)] public int Failures { get; init; }

    [Id(3)] public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Ids of events queued or done, oldest first, so a repeat is dropped.</summary>
    [Id(4)] public ImmutableList<string> Seen { get; init; } = [];

    /// <summary>Newest first.</summary>
    [Id(5)] public ImmutableList<WebhookDelivery> Deliveries { get; init; } = [];
}