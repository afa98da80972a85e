using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

using OrderGrid.Api.Security;

namespace OrderGrid.Api.Dashboard;

/// <summary>
/// Bare status codes (an unknown address, 405) answered as problems, as the framework's default does, except that a
/// browser asking a page address that is not a page (<c>/wall/nothing</c>, a tracking link cut short) gets a short
/// page with the way to the real ones instead of a JSON body. API, hub and document addresses always get problems.
/// </summary>
public static class PageNotFound
{
    private static readonly string[] NonPagePrefixes = ["/api", "/hubs", "/openapi", "/docs", "/assets", OrleansDashboardAccess.Path];

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Page not found · OrderGrid</title>
        <link rel="icon" href="/favicon.ico">
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
        a { color: #0b5cad; }
        li { margin: .25rem 0; }
        </style>
        </head>
        <body>
        <main>
        <h1>Page not found</h1>
        <p>There is no page at this address. If you followed a link to your order, open it again from the email or text we sent: the whole link is needed.</p>
        <p>Staff pages:</p>
        <ul>
        <li><a href="/wall">Order wall</a>: orders, the review queue, picking, packing and shipping</li>
        <li><a href="/planner">Planner</a>: forecasts, restock and inventory health</li>
        <li><a href="/rules">Rules</a>: automation rules</li>
        </ul>
        </main>
        </body>
        </html>
        """;

    /// <summary>The status code pages' handler.</summary>
    public static async Task Write(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && WantsPage(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.WriteAsync(Html, http.RequestAborted);
            return;
        }

        // As the framework's default: a problem, or plain text for a client that accepts no JSON.
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
        if (!written)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Status code {http.Response.StatusCode}.", http.RequestAborted);
        }
    }

    /// <summary>A GET from a browser (HTML accepted) for an address outside the API, hubs and documents.</summary>
    public static bool WantsPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) || NonPagePrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}