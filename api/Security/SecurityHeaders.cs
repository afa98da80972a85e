namespace OrderGrid.Api.Security;

/// <summary>
/// Headers every response carries, set as the response starts so that error pages get them too. Referrer-Policy is
/// no-referrer because the tracking page's address carries the order's token, which must not travel on.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Scripts and styles from the silo only; the live hubs over WebSockets; no framing; no plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (<c>/docs</c>) and the Orleans Dashboard (<c>/orleans</c>) are third-party pages that start
    /// with an inline script: they get it, and nothing else more.
    /// </summary>
    public const string ThirdPartyPagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Add(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = IsThirdPartyPage(http.Request.Path) ? ThirdPartyPagePolicy : ContentSecurityPolicy;
    }

    private static bool IsThirdPartyPage(PathString path) =>
        path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(OrleansDashboardAccess.Path, StringComparison.OrdinalIgnoreCase);
}