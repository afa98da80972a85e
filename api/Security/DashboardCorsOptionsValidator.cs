using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Security;

/// <summary>Each dashboard origin is an absolute http(s) origin: scheme, host and port, no path, no wildcard.</summary>
public sealed class DashboardCorsOptionsValidator : IValidateOptions<DashboardCorsOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardCorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.DashboardOrigins
            .Select((origin, i) => (origin, i))
            .Where(o => !IsOrigin(o.origin))
            .Select(o => $"{DashboardCorsOptions.Section}:DashboardOrigins:{o.i} '{o.origin}' must be an origin such as https://dashboard.example.com (scheme, host, optional port; no path, no '*')")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && !origin.EndsWith('/') && string.IsNullOrEmpty(uri.Query) && !origin.Contains('*', StringComparison.Ordinal);
}