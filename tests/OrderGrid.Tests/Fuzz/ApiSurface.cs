using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace OrderGrid.Tests.Fuzz;

/// <summary>One method of one route as the app maps it: what it takes in the path and in the body.</summary>
/// <param name="BodyType">The type the endpoint reads its JSON body into; null when it reads none.</param>
public sealed record FuzzTarget(string Method, RoutePattern Pattern, Type? BodyType)
{
    public bool Reads => Method is "GET" or "HEAD";

    public IReadOnlyList<RoutePatternParameterPart> RouteValues => Pattern.Parameters;

    public override string ToString() => $"{Method} {Pattern.RawText}";
}

/// <summary>Every endpoint of the running app, read from its routing, so an endpoint added tomorrow is fuzzed too.</summary>
public static class ApiSurface
{
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static IReadOnlyList<FuzzTarget> Of(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. endpoints.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? AnyMethod)
                    .Where(m => m != HttpMethods.Options)
                    .Select(m => new FuzzTarget(m, e.RoutePattern, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
                .DistinctBy(t => t.ToString())
                .OrderBy(t => t.ToString(), StringComparer.Ordinal),
        ];
    }
}