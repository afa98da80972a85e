using Microsoft.AspNetCore.Hosting;

namespace OrderGrid.Tests.Security;

/// <summary>
/// Test hosts place many orders from one address (no address at all in memory): they raise the public limits so
/// that only the rate limit tests, on their own host, ever see a 429.
/// </summary>
public static class TestRateLimits
{
    public const string Generous = "1000000";

    public static IWebHostBuilder WithGenerousRateLimits(this IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSetting("OrderGrid:RateLimits:Placement:PermitLimit", Generous)
            .UseSetting("OrderGrid:RateLimits:Tracking:PermitLimit", Generous)
            .UseSetting("OrderGrid:RateLimits:Carts:PermitLimit", Generous)
            .UseSetting("OrderGrid:RateLimits:SignIn:PermitLimit", Generous);
    }
}