namespace OrderGrid.Notifications;

/// <summary>Sends one email; the host provides it over SMTP.</summary>
public interface IEmailSender
{
    /// <summary>False when no server is configured: emails are then recorded as skipped, never as sent.</summary>
    bool IsConfigured { get; }

    Task<DeliveryResult> Send(Notification email, CancellationToken cancellationToken);
}