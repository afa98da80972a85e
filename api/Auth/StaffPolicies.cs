using Microsoft.AspNetCore.Authorization;

namespace OrderGrid.Api.Auth;

/// <summary>Authorization policies by what a caller may do; admin may do everything.</summary>
public static class StaffPolicies
{
    /// <summary>Any staff key.</summary>
    public const string Staff = "staff";

    /// <summary>Operations staff: catalog, stock, review, fulfilment.</summary>
    public const string Ops = "ops";

    public const string Planner = "planner";

    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All));
        options.AddPolicy(Ops, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Ops, StaffRoles.Admin));
        options.AddPolicy(Planner, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Planner, StaffRoles.Admin));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
    }
}