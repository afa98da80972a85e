namespace OrderGrid.Api.Security;

/// <summary>
/// Headers every response carries, set as the response starts so that error pages get them too. Referrer-Policy is
/// no-referrer because the tracking page's address carries the order's token, which must not travel on.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The dashboard and the API: scripts from the silo only; the live hubs over WebSockets; no framing, no plugins.</summary>
    public static readonly string ContentSecurityPolicy = Policy(scripts: "'self'", fonts: "'self' data:");

    /// <summary>The Orleans Dashboard starts with an inline script: it gets that and nothing more.</summary>
    public static readonly string OrleansDashboardPolicy = Policy(scripts: "'self' 'unsafe-inline'", fonts: "'self' data:");

    /// <summary>The API reference (Scalar) starts with an inline script and evaluates code; it loads nothing from elsewhere.</summary>
    public static readonly string ApiReferencePolicy = Policy(scripts: "'self' 'unsafe-inline' 'unsafe-eval'", fonts: "'self' data:");

    public static void Add(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // An endpoint with a stricter policy of its own (the printed documents) keeps it.
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
        }
    }

    private static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
            ? ApiReferencePolicy
            : path.StartsWithSegments(OrleansDashboardAccess.Path, StringComparison.OrdinalIgnoreCase)
                ? OrleansDashboardPolicy
                : ContentSecurityPolicy;

    private static string Policy(string scripts, string fonts) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src {fonts}; "
        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}