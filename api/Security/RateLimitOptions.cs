namespace OrderGrid.Api.Security;

/// <summary>
/// Limits of the public endpoints per client IP address, bound from <c>OrderGrid:RateLimits</c>. Staff keys are not
/// limited. A load test from one machine raises them, e.g. <c>--OrderGrid:RateLimits:Placement:PermitLimit=1000000</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "OrderGrid:RateLimits";

    /// <summary>Orders placed without a staff key (<c>POST /api/orders</c>, cart checkout).</summary>
    public RateLimit Placement { get; set; } = new() { PermitLimit = 30 };

    /// <summary>The customer's tracking page: <c>/api/track/…</c> and the live order hub it follows.</summary>
    public RateLimit Tracking { get; set; } = new() { PermitLimit = 300 };

    /// <summary>Opening, reading and changing carts, and their offers (<c>/api/carts…</c> but checkout, which is placement).</summary>
    public RateLimit Carts { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Asking for sign-in codes and trading them for tokens (<c>/api/customers/sign-in…</c>).</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10 };
}