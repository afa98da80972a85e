using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>
/// One limiter for the endpoints anyone may call without a key: placing an order and following one with its tracking
/// token. Each client IP address has its own window per kind, so one busy client never slows another; staff keys
/// pass unlimited (authentication runs first). Every other endpoint is not limited here.
/// </summary>
public static class PublicRateLimits
{
    public const string Placement = "placement";
    public const string Tracking = "tracking";

    public static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Client)>(http =>
            KindOf(http.Request) is { } kind && !http.IsStaff()
                ? RateLimitPartition.GetFixedWindowLimiter((kind, ClientOf(http)), _ => Window(kind == Placement ? limits.Placement : limits.Tracking))
                : RateLimitPartition.GetNoLimiter((string.Empty, string.Empty)));
        options.OnRejected = Reject;
    }

    /// <summary>Which public limit a request counts against, or null.</summary>
    public static string? KindOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method)
            && (path.Equals("/api/orders", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/orders/", StringComparison.OrdinalIgnoreCase)
                || (path.StartsWithSegments("/api/carts", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/checkout", StringComparison.OrdinalIgnoreCase))))
        {
            return Placement;
        }

        return path.StartsWithSegments("/api/track", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Live.OrderHub.Path, StringComparison.OrdinalIgnoreCase)
            ? Tracking
            : null;
    }

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