using System.Threading.RateLimiting;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Security;

namespace OrderGrid.Api.Live;

/// <summary>
/// Counts <c>Follow</c> calls of callers without a staff key, per connection and per client address
/// (<see cref="RateLimitOptions.Follow"/>); a call over either limit is refused. Idle windows are dropped by the limiters.
/// </summary>
public sealed class FollowLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HubCallerContext> limiter;

    public FollowLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var follow = options.Value.Follow;
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HubCallerContext, string>(caller =>
                RateLimitPartition.GetFixedWindowLimiter(caller.ConnectionId, _ => follow.PerConnection.ToFixedWindow())),
            PartitionedRateLimiter.Create<HubCallerContext, string>(caller =>
                RateLimitPartition.GetFixedWindowLimiter(PublicRateLimits.ClientOf(caller.GetHttpContext()), _ => follow.PerAddress.ToFixedWindow())));
    }

    /// <summary>True when <paramref name="caller"/> may follow one more order now (staff always may).</summary>
    public bool TryAcquire(HubCallerContext caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.User?.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        using var lease = limiter.AttemptAcquire(caller);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}