namespace OrderGrid.Notifications;

/// <summary>A notification as staff see it in its outbox: what, to whom, and how sending went.</summary>
/// <param name="Attempts">Sending attempts so far; 0 while queued or when skipped.</param>
/// <param name="LastError">Why the last attempt failed, or why it was skipped.</param>
[GenerateSerializer, Immutable, Alias("og.notification-record")]
public sealed record NotificationRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] NotificationChannel Channel,
    [property: Id(3)] string To,
    [property: Id(4)] string Subject,
    [property: Id(5)] NotificationStatus Status,
    [property: Id(6)] int Attempts,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset QueuedAt,
    [property: Id(9)] DateTimeOffset? SentAt);