namespace OrderGrid.Notifications;

/// <summary>Sends one text message through whichever SMS provider the host plugs in.</summary>
public interface ISmsGateway
{
    /// <summary>False when no gateway is configured: no text messages are queued then.</summary>
    bool IsConfigured { get; }

    Task<DeliveryResult> Send(string phone, string text, CancellationToken cancellationToken);
}