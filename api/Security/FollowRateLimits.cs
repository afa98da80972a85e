namespace OrderGrid.Api.Security;

/// <summary>How often a customer may ask to follow an order on the live hub: per connection and per client address.</summary>
public sealed class FollowRateLimits
{
    /// <summary>A tracking page follows once per (re)connect; a few more are retries.</summary>
    public RateLimit PerConnection { get; set; } = new() { PermitLimit = 20 };

    /// <summary>Every connection from one address together (a household, an office behind one address).</summary>
    public RateLimit PerAddress { get; set; } = new() { PermitLimit = 120 };
}