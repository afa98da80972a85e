using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>
/// One limiter for the endpoints anyone may call without a staff key: placing an order, carts, sign-in, and following an
/// order with its tracking token. An endpoint says which limit it counts against with <see cref="LimitedAs"/>, so the
/// limit belongs to the endpoint routing chose, whatever the spelling of its path (case, trailing slash, escapes). Each
/// client IP address has its own window per kind, so one busy client never slows another; staff keys pass unlimited
/// (authentication runs first); signed-in customers are limited like everyone else.
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
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Client)>(http =>
            KindOf(http) is { } kind && !http.IsStaff()
                ? RateLimitPartition.GetFixedWindowLimiter((kind, ClientOf(http)), _ => Window(limits.For(kind)))
                : RateLimitPartition.GetNoLimiter((string.Empty, string.Empty)));
        options.OnRejected = Reject;
    }

    /// <summary>Counts the endpoints against the public limit <paramref name="kind"/> (one of the constants above).</summary>
    public static TBuilder LimitedAs<TBuilder>(this TBuilder builder, string kind)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new PublicLimit(kind));
    }

    /// <summary>Which public limit the request's endpoint counts against, or null.</summary>
    public static string? KindOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetEndpoint()?.Metadata.GetMetadata<PublicLimit>()?.Kind;
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

    /// <summary>Endpoint metadata: the public limit the endpoint counts against.</summary>
    public sealed record PublicLimit(string Kind);
}