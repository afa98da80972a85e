namespace OrderGrid.Notifications;

/// <summary>The SMTP server customer and staff emails go through; no <see cref="Host"/> means no email channel.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>orders@example.com</c>; required with a host.</summary>
    public string? From { get; set; }

    /// <summary>Sign in only when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS from the first byte on port 465, STARTTLS elsewhere; off for a local test server.</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}