namespace OrderGrid.Notifications;

/// <summary>Where a notification stands in its outbox.</summary>
public enum NotificationStatus
{
    /// <summary>Queued or waiting for its next attempt.</summary>
    Pending,

    Sent,

    /// <summary>Every attempt failed; it is not tried again.</summary>
    Failed,

    /// <summary>Not sent because the channel is not configured; never counted as sent.</summary>
    Skipped,
}