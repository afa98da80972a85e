using System.Security.Claims;

using Microsoft.AspNetCore.Authorization;

using OrderGrid.Common;

namespace OrderGrid.Api.Auth;

/// <summary>Who is calling, for endpoints that both customers and staff use.</summary>
public static class StaffCaller
{
    /// <summary>The staff member behind the request's API key, for timeline entries.</summary>
    public static Actor ToStaffActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Actor.Staff(user.Identity?.Name ?? throw new InvalidOperationException("The caller is not authenticated."));
    }

    /// <summary>A staff API key, of any role (a signed-in customer is not staff).</summary>
    public static bool IsStaff(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true && StaffRoles.All.Any(http.User.IsInRole);
    }

    /// <summary>
    /// An Authorization header was sent but neither a staff key nor a customer token was recognised: answer 401 rather
    /// than treat the caller as anonymous.
    /// </summary>
    public static bool SentInvalidKey(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return !string.IsNullOrEmpty(http.Request.Headers.Authorization) && http.User.Identity?.IsAuthenticated != true;
    }

    /// <summary>Null when the caller satisfies <paramref name="policy"/>; otherwise 401 (no or bad key) or 403 (wrong role).</summary>
    public static async Task<IResult?> Require(this HttpContext http, IAuthorizationService authorization, string policy)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!http.IsStaff())
        {
            return TypedResults.Challenge();
        }

        var result = await authorization.AuthorizeAsync(http.User, policy);
        return result.Succeeded ? null : TypedResults.Forbid();
    }

    /// <summary>
    /// For order changes open to ops staff and to the order's customer: null when the caller has an ops key or brings a
    /// tracking token (checked by the order); otherwise 401 (a bad key, or neither key nor token) or 403 (another role).
    /// </summary>
    public static async Task<IResult?> RequireOpsOrToken(this HttpContext http, IAuthorizationService authorization, string? token)
    {
        if (http.SentInvalidKey() || (!http.IsStaff() && token is null))
        {
            return TypedResults.Challenge();
        }

        return http.IsStaff() && token is null ? await http.Require(authorization, StaffPolicies.Ops) : null;
    }
}