using Microsoft.AspNetCore.Authorization;

namespace OrderGrid.Api.Auth;

/// <summary>Authorization policies by what a caller may do, each with the roles it admits; admin may do everything.</summary>
public static class StaffPolicies
{
    /// <summary>Any staff key.</summary>
    public const string Staff = "staff";

    /// <summary>Operations staff: catalog, stock, review, fulfilment, after-sales.</summary>
    public const string Ops = "ops";

    public const string Planner = "planner";

    /// <summary>Work both operations and planning do: ordering stock from suppliers.</summary>
    public const string OpsOrPlanner = "ops-or-planner";

    public const string Admin = "admin";

    /// <summary>Each policy's roles: the policies are built from this table, and <see cref="Access"/> reads it.</summary>
    private static readonly Dictionary<string, string[]> Roles = new(StringComparer.Ordinal)
    {
        [Staff] = [.. StaffRoles.All],
        [Ops] = [StaffRoles.Ops, StaffRoles.Admin],
        [Planner] = [StaffRoles.Planner, StaffRoles.Admin],
        [OpsOrPlanner] = [StaffRoles.Ops, StaffRoles.Planner, StaffRoles.Admin],
        [Admin] = [StaffRoles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (policy, roles) in Roles)
        {
            options.AddPolicy(policy, builder => builder.RequireAuthenticatedUser().RequireRole(roles));
        }
    }

    /// <summary>The staff callers <paramref name="policy"/> admits.</summary>
    public static Callers CallersOf(string policy) =>
        Roles.TryGetValue(policy, out var roles)
            ? roles.Aggregate(Callers.None, (callers, role) => callers | role switch
            {
                StaffRoles.Ops => Callers.Ops,
                StaffRoles.Planner => Callers.Planner,
                StaffRoles.Admin => Callers.Admin,
                _ => Callers.None,
            })
            : throw new ArgumentException($"No policy '{policy}'.", nameof(policy));
}