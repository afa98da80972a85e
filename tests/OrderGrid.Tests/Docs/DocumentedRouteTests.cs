using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderGrid.Tests.Docs;

/// <summary>
/// docs/api.md against the real app's endpoint list: every route it documents is mapped, and every mapped route is
/// documented there, but for the deliberate exceptions below.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed partial class DocumentedRouteTests(OrderGridApp app)
{
    private const string ApiDocument = "docs/api.md";

    /// <summary>Mapped routes api.md leaves out on purpose, each with its reason.</summary>
    private static readonly (string Route, string Reason)[] Undocumented =
    [
        ("GET /docs/scalar.js", "the script of the /docs page, served by Scalar"),
        ("GET /docs/scalar.aspnetcore.js", "the script of the /docs page, served by Scalar"),
        ("GET /docs/favicon.svg", "the icon of the /docs page, served by Scalar"),
    ];

    /// <summary>Route prefixes owned by a package behind one documented page.</summary>
    private static readonly (string Prefix, string Reason)[] UndocumentedBelow =
    [
        ("/orleans/", "the Orleans dashboard's own scripts, styles, fonts and JSON calls behind the documented /orleans page"),
    ];

    [Fact]
    public void Every_documented_route_is_mapped()
    {
        var mapped = Mapped();
        var missing = Documented().Routes
            .Where(route => !mapped.Any(endpoint => endpoint.Answers(route.Method, route.Path)))
            .Select(route => $"{route.Method} {route.Path} ({ApiDocument}:{route.Line})");

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_mapped_route_is_documented()
    {
        var (routes, hubs) = Documented();
        var undocumented = Mapped()
            .Where(endpoint => !UndocumentedBelow.Any(e => endpoint.Path.StartsWith(e.Prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => endpoint.Methods.DefaultIfEmpty("*").Select(method => (Method: method, endpoint.Path, Endpoint: endpoint)))
            .Where(m => !Undocumented.Any(e => e.Route == $"{m.Method} {m.Path}"))
            .Where(m => !hubs.Any(hub => m.Path == hub || m.Path == hub + "/negotiate"))
            .Where(m => !routes.Any(route => (m.Method == "*" || route.Method == m.Method) && m.Endpoint.Answers(route.Method, route.Path)))
            .Select(m => $"{m.Method} {m.Path}");

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_route_tables_are_read_as_method_and_path()
    {
        var (routes, hubs) = Documented();

        Assert.Contains(routes, r => r is { Method: "POST", Path: "/api/returns/{}/refund" });
        Assert.Contains(routes, r => r is { Method: "GET", Path: "/api/orders" });
        Assert.DoesNotContain(routes, r => r is { Method: "GET", Path: "/api/track/{}/returns" });
        Assert.Contains("/hubs/orders", hubs);
        Assert.True(routes.Count >= 100, $"Only {routes.Count} routes read from {ApiDocument}.");
    }

    [Fact]
    public void The_exceptions_are_still_mapped()
    {
        var mapped = Mapped();

        Assert.All(Undocumented, e => Assert.Contains(mapped, m => m.Methods.Any(method => e.Route == $"{method} {m.Path}")));
        Assert.All(UndocumentedBelow, e => Assert.Contains(mapped, m => m.Path.StartsWith(e.Prefix, StringComparison.Ordinal)));
    }

    private List<MappedRoute> Mapped() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new MappedRoute(
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m != "OPTIONS").ToArray() ?? [],
                Normalised(e.RoutePattern.RawText ?? "")))
            .Where(m => m.Path.Length > 0),
    ];

    /// <summary>The route rows (first cell <c>`METHOD /path?query`</c>) and hub rows (<c>`/hubs/…`</c>) of api.md.</summary>
    private static (List<DocumentedRoute> Routes, List<string> Hubs) Documented()
    {
        var rows = Repository.Read(ApiDocument).Rows;
        var routes = rows
            .Select(row => (Match: RouteCell().Match(row.Cells[0]), row.Line))
            .Where(r => r.Match.Success)
            .Select(r => new DocumentedRoute(r.Match.Groups["method"].Value, Normalised(r.Match.Groups["path"].Value), r.Line))
            .ToList();
        var hubs = rows.Select(row => HubCell().Match(row.Cells[0])).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToList();
        return (routes, hubs);
    }

    // Parameter names and constraints do not matter, nor a trailing slash: /api/rules/{id:int}/ is /api/rules/{}.
    private static string Normalised(string path)
    {
        var normalised = Parameter().Replace(OptionalParameter().Replace("/" + path.TrimStart('/'), "{}?"), "{}");
        return normalised.Length > 1 ? normalised.TrimEnd('/') : normalised;
    }

    private sealed record DocumentedRoute(string Method, string Path, int Line);

    private sealed record MappedRoute(IReadOnlyList<string> Methods, string Path)
    {
        /// <summary>True when a request of <paramref name="method"/> to <paramref name="path"/> (normalised) reaches this endpoint.</summary>
        public bool Answers(string method, string path) =>
            (Methods.Count == 0 || Methods.Contains(method)) && Variants().Contains(path);

        // An optional last parameter (/docs/{documentName?}) answers with and without it.
        private IEnumerable<string> Variants() =>
            Path.EndsWith("/{}?", StringComparison.Ordinal) ? [Path[..^3] + "{}", Path[..^4]] : [Path];
    }

    [GeneratedRegex(@"^`(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/[^`\s?]*)(\?[^`]*)?`$")]
    private static partial Regex RouteCell();

    [GeneratedRegex(@"^`(?<path>/hubs/[^`\s]+)`$")]
    private static partial Regex HubCell();

    [GeneratedRegex(@"\{[^}]*\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{[^}?]*\}")]
    private static partial Regex Parameter();
}