namespace OrderGrid.Notifications;

/// <summary>How a notification reaches its reader.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
}