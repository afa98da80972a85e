using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace OrderGrid.Notifications;

/// <summary>How customers and staff are told of order events: section <c>OrderGrid:Notifications</c>.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Notifications";

    public SmtpSettings Smtp { get; set; } = new();

    public SmsGatewaySettings Sms { get; set; } = new();

    /// <summary>Where customers open their tracking page: links read <c>{PublicBaseUrl}/track/{id}?token=…</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080");

    /// <summary>Who is emailed of holds and delivery exceptions; nobody when empty.</summary>
    public string? StaffEmail { get; set; }

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts per notification before it is marked failed and the next one goes.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: 5 s, 10 s, 20 s … capped.</summary>
    public TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * Math.Pow(2, Math.Max(0, failures - 1)), MaxRetryDelay.Ticks));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Must be an absolute http or https address.", [nameof(PublicBaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(StaffEmail) && !IsEmail(StaffEmail))
        {
            yield return new ValidationResult("Must be an email address.", [nameof(StaffEmail)]);
        }

        if (Smtp.IsConfigured && Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult("Must be a port from 1 to 65535.", ["Smtp:Port"]);
        }

        if (Smtp.IsConfigured && !IsEmail(Smtp.From))
        {
            yield return new ValidationResult("Required with Smtp:Host: the sender's email address.", ["Smtp:From"]);
        }

        if (Sms.Url is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Must be an absolute http or https address.", ["Sms:Url"]);
        }

        if (Sms.IsConfigured && string.IsNullOrWhiteSpace(Sms.ApiKey))
        {
            yield return new ValidationResult("Required with Sms:Url.", ["Sms:ApiKey"]);
        }
    }

    private static bool IsEmail(string? address) => MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
}