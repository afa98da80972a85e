using System.Security.Claims;

namespace OrderGrid.Api.Auth;

/// <summary>The signed-in customer behind a request's customer token (see <see cref="Identity.CustomerTokens"/>).</summary>
public static class CustomerCaller
{
    /// <summary>The role of a principal made from a customer token; never a staff role.</summary>
    public const string Role = "customer";

    public static ClaimsPrincipal Principal(string customerId, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, customerId), new Claim(ClaimTypes.Role, Role)], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The customer id the request proved with its token, or null (no token, or a staff key).</summary>
    public static string? SignedInCustomer(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.IsInRole(Role) ? http.User.Identity?.Name : null;
    }

    /// <summary>Whether the caller may act for <paramref name="customerId"/>: that customer's token, or any staff key.</summary>
    public static bool MayActFor(this HttpContext http, string customerId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.IsStaff() || string.Equals(http.SignedInCustomer(), customerId, StringComparison.Ordinal);
    }
}