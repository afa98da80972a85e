namespace OrderGrid.Notifications;

/// <summary>A rendered message for one reader on one channel, ready to send.</summary>
/// <param name="Id">Unique per event and channel, e.g. <c>OG-123:4:email</c>; a repeat with the same id is dropped.</param>
/// <param name="Kind">The event it tells of, e.g. <c>order.shipped</c>.</param>
/// <param name="To">An email address or a phone number, as the channel needs.</param>
/// <param name="Html">The HTML body of an email; null for SMS.</param>
[GenerateSerializer, Immutable, Alias("og.notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] NotificationChannel Channel,
    [property: Id(3)] string To,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Text,
    [property: Id(6)] string? Html);