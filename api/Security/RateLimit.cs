using System.Threading.RateLimiting;

namespace OrderGrid.Api.Security;

/// <summary>How many requests one client address may make in a window.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A fixed window of <see cref="PermitLimit"/> per <see cref="Window"/>, refusing at once (no queue).</summary>
    public FixedWindowRateLimiterOptions ToFixedWindow() =>
        new() { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Why the limit cannot work, or null.</summary>
    public string? Problem(string setting) =>
        PermitLimit < 1 ? $"{setting}:PermitLimit must be at least 1"
        : Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(1) ? $"{setting}:Window must be between 00:00:01 and 1.00:00:00"
        : null;
}