using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Webhooks;

/// <summary>How webhooks are delivered and retried: section <c>OrderGrid:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "OrderGrid:Webhooks";

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per event before it is logged as failed and the next event goes.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a receiver may take to answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Development and tests only: also plain http and loopback or private-network receivers. Link-local, metadata,
    /// multicast and unspecified addresses stay refused. See <see cref="WebhookTargets"/>.
    /// </summary>
    public bool AllowDevelopmentTargets { get; set; }

    /// <summary>Event ids each subscription remembers to drop repeats of the order feed.</summary>
    [Range(100, 100_000)]
    public int RememberedEvents { get; set; } = 5000;

    /// <summary>Delivery attempts each subscription's log keeps.</summary>
    [Range(10, 10_000)]
    public int KeptDeliveries { get; set; } = 500;

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: 1 s, 2 s, 4 s … capped.</summary>
    public TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * Math.Pow(2, Math.Max(0, failures - 1)), MaxRetryDelay.Ticks));
}