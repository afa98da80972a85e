using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Notifications;

[GenerateSerializer, Alias("og.notification-outbox-state")]
public sealed record NotificationOutboxState : IHasDueTime
{
    /// <summary>The next attempt while notifications wait; none once the queue is empty.</summary>
    public DateTimeOffset? DueAt => Pending.IsEmpty ? null : NextAttemptAt;

    /// <summary>Unsent notifications, oldest first; the first is being tried.</summary>
    [Id(0)] public ImmutableList<Notification> Pending { get; init; } = [];

    /// <summary>Every notification ever queued here, oldest first: its status, and the ids that make a repeat a no-op.</summary>
    [Id(1)] public ImmutableList<NotificationRecord> Records { get; init; } = [];

    /// <summary>Failed attempts of the first pending notification.</summary>
    [Id(2)] public int Failures { get; init; }

    [Id(3)] public DateTimeOffset NextAttemptAt { get; init; }
}