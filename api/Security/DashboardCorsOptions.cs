namespace OrderGrid.Api.Security;

/// <summary>
/// Origins other than the silo's own that may call the API from a browser (a dashboard served elsewhere), bound from
/// <c>OrderGrid:Cors</c>. Empty: same-origin only.
/// </summary>
public sealed class DashboardCorsOptions
{
    public const string Section = "OrderGrid:Cors";

    /// <summary>Origins such as <c>https://dashboard.example.com</c>: scheme, host and port, no path.</summary>
    public IList<string> DashboardOrigins { get; init; } = [];
}