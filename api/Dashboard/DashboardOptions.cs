namespace OrderGrid.Api.Dashboard;

/// <summary>Where the built dashboard is served from: <c>OrderGrid:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "OrderGrid:Dashboard";

    /// <summary>
    /// The folder holding <c>track.html</c>, <c>wall.html</c>, <c>planner.html</c> and <c>assets/</c>: by default the
    /// <c>wwwroot</c> the silo build copies next to the application. A relative path is relative to the content root.
    /// </summary>
    public string Root { get; set; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");
}