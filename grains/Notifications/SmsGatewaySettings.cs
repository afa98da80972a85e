namespace OrderGrid.Notifications;

/// <summary>The HTTP gateway text messages are posted to as JSON; no <see cref="Url"/> means no SMS channel.</summary>
public sealed class SmsGatewaySettings
{
    public Uri? Url { get; set; }

    /// <summary>Sent as a bearer token; required with a URL.</summary>
    public string? ApiKey { get; set; }

    public bool IsConfigured => Url is not null;
}