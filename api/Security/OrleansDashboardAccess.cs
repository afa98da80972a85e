using System.Text;

using Microsoft.Extensions.Configuration;

namespace OrderGrid.Api.Security;

/// <summary>
/// The Orleans Dashboard is a browser page that cannot send a bearer header, so under its path an admin may sign in
/// with HTTP Basic: any user name, the admin API key as the password. Only there, so keys never become an ordinary
/// way in to the API. The dashboard runs only where <see cref="EnabledKey"/> is true (appsettings.Development.json): it
/// samples every Orleans instrument each second and times every grain call whether or not anyone has it open, which
/// costs a loaded server a share of its CPU (docs/performance.md).
/// </summary>
public static class OrleansDashboardAccess
{
    public const string Path = "/orleans";

    /// <summary>The setting that turns the dashboard on; off when absent.</summary>
    public const string EnabledKey = "OrderGrid:OrleansDashboard:Enabled";

    /// <summary>The challenge that makes the browser prompt for the key.</summary>
    public const string Challenge = "Basic realm=\"OrderGrid Orleans Dashboard\", charset=\"UTF-8\"";

    private const string BasicPrefix = "Basic ";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static bool IsDashboard(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The password of a Basic header sent to the dashboard; null elsewhere or when unreadable.</summary>
    public static string? BasicPassword(HttpRequest request, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!IsDashboard(request) || !header.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[header.Length];
        if (!Convert.TryFromBase64String(header[BasicPrefix.Length..].Trim(), decoded, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(decoded[..length]);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : credentials[(colon + 1)..];
    }
}