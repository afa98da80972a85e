using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>
/// The limits of the endpoints anyone may call without a staff key, as named rate-limiting policies that the endpoints
/// carry (<c>RequireRateLimiting</c>): placing an order (and checking out a cart), following one with its tracking token,
/// carts, and sign-in. Because the policy travels with the routed endpoint, every spelling that reaches the endpoint —
/// trailing slash, any case, percent-encoded letters — counts against the same window; a path that reaches no endpoint
/// has nothing to limit. Each client IP address has its own window per policy, so one busy client never slows another;
/// staff keys pass unlimited (authentication runs first); customer tokens do not.
/// </summary>
public static class PublicRateLimits
{
    public const string Placement = "placement";
    public const string Tracking = "tracking";
    public const string Carts = "carts";
    public const string SignIn = "sign-in";

    public static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Placement, http => PerClient(http, limits.Placement));
        options.AddPolicy(Tracking, http => PerClient(http, limits.Tracking));
        options.AddPolicy(Carts, http => PerClient(http, limits.Carts));
        options.AddPolicy(SignIn, http => PerClient(http, limits.SignIn));
        options.OnRejected = Reject;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, RateLimit limit) =>
        http.IsStaff()
            ? RateLimitPartition.GetNoLimiter("staff")
            : RateLimitPartition.GetFixedWindowLimiter("client " + ClientOf(http), _ => Window(limit));

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(RateLimit limit) =>
        new() { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await SecurityProblems.Write(
            http,
            StatusCodes.Status429TooManyRequests,
            "Too many requests.",
            ProblemCodes.TooManyRequests,
            $"This address sent too many requests of this kind; retry after {seconds} seconds.");
    }
}