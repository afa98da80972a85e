namespace OrderGrid.Api.Auth;

/// <summary>The roles an API key can have.</summary>
public static class StaffRoles
{
    public const string Ops = "ops";
    public const string Planner = "planner";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ops, Planner, Admin];
}