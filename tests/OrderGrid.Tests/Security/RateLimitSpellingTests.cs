using System.Globalization;
using System.Net;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Api.Security;

namespace OrderGrid.Tests.Security;

/// <summary>
/// Row 3 of issue 15: a rate limit belongs to the endpoint a request reaches, not to a spelling of its path. Every
/// endpoint of the app's own route table that carries a rate-limiting policy is called, from an address of its own per
/// spelling, with the path as mapped, with a trailing slash, in upper case, with a letter percent-encoded, with a double
/// slash and with all of these at once: each spelling that reaches the endpoint is refused once the limit is spent.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SecurityHost.Name)]
public sealed class RateLimitSpellingTests(SecurityApp app)
{
    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        [PublicRateLimits.Placement] = SecurityApp.PlacementLimit,
        [PublicRateLimits.Tracking] = SecurityApp.TrackingLimit,
        [PublicRateLimits.Carts] = SecurityApp.CartLimit,
        [PublicRateLimits.SignIn] = SecurityApp.SignInLimit,
    };

    [Fact]
    public async Task Every_rate_limited_endpoint_is_limited_however_its_path_is_spelled()
    {
        var limited = LimitedEndpoints();
        Assert.Contains(limited, e => e.Method == "POST" && e.Pattern == "/api/orders/");
        Assert.Contains(limited, e => e.Method == "POST" && e.Pattern == "/api/carts/{cartId}/checkout");
        Assert.Contains(limited, e => e.Method == "PUT" && e.Pattern == "/api/carts/{cartId}/items/{sku}");
        Assert.Contains(limited, e => e.Method == "POST" && e.Pattern == "/api/customers/sign-in/token");
        Assert.All(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText!.StartsWith("/api/track", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("/hubs/orders", StringComparison.Ordinal)),
            e => Assert.Equal(PublicRateLimits.Tracking, e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));

        var reached = 0;
        foreach (var endpoint in limited)
        {
            foreach (var (spelling, path) in Spellings(endpoint.Path))
            {
                using var client = app.FromAddress();
                var answers = new List<(HttpStatusCode Status, string Code)>();
                for (var i = 0; i <= Limits[endpoint.Policy]; i++)
                {
                    answers.Add(await Send(client, endpoint.Method, path));
                }

                if (answers.All(a => a.Code is "not-found" or "method-not-allowed"))
                {
                    continue;
                }

                reached++;
                Assert.True(
                    answers[^1].Status == HttpStatusCode.TooManyRequests && answers[..^1].All(a => a.Status != HttpStatusCode.TooManyRequests),
                    $"{endpoint.Method} {path} ({spelling} of {endpoint.Pattern}, policy {endpoint.Policy}) answered {string.Join(", ", answers.Select(a => $"{(int)a.Status} {a.Code}"))}");

                // The spelling shared the window of the endpoint, not one of its own.
                var canonical = await Send(client, endpoint.Method, endpoint.Path);
                Assert.Equal(HttpStatusCode.TooManyRequests, canonical.Status);
            }
        }

        Assert.True(reached >= limited.Count * 4, $"Only {reached} spellings reached the {limited.Count} limited endpoints.");
    }

    [Fact]
    public async Task A_checkout_with_a_trailing_slash_counts_against_the_placement_limit()
    {
        using var client = app.FromAddress();
        for (var i = 0; i < SecurityApp.PlacementLimit; i++)
        {
            var placed = await Send(client, "POST", "/api/orders");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, placed.Status);
        }

        var checkout = await Send(client, "POST", $"/api/carts/{OrderGridApp.Unique("cust")}/checkout/");

        Assert.Equal(HttpStatusCode.TooManyRequests, checkout.Status);
    }

    private List<LimitedEndpoint> LimitedEndpoints() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != HttpMethods.Options)
                .Select(m => new LimitedEndpoint(m, e.RoutePattern.RawText!, PathOf(e.RoutePattern), e.Metadata.GetMetadata<EnableRateLimitingAttribute>()!.PolicyName!)))
            .DistinctBy(e => $"{e.Method} {e.Pattern}"),
    ];

    private static async Task<(HttpStatusCode Status, string Code)> Send(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await response.Content.ReadAsStringAsync() : "{}";
        var code = System.Text.Json.Nodes.JsonNode.Parse(body)?["code"]?.GetValue<string>() ?? "";
        return (response.StatusCode, code);
    }

    private static string PathOf(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => "OG-RL00-0000",
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static IEnumerable<(string Spelling, string Path)> Spellings(string path)
    {
        yield return ("as mapped", path);
        yield return ("trailing slash", path + "/");
        yield return ("upper case", path.ToUpperInvariant());
        yield return ("percent-encoded letter", EncodeFirstLetter(path));
        yield return ("double slash", path.Replace("/api/", "/api//", StringComparison.Ordinal).Replace("/hubs/", "//hubs/", StringComparison.Ordinal));
        yield return ("all at once", EncodeFirstLetter(path.ToUpperInvariant()) + "/");
    }

    // The first letter after "/api/" or "/hubs/", e.g. /api/%74rack/…
    private static string EncodeFirstLetter(string path)
    {
        var at = path.IndexOf('/', 1) + 1;
        return path[..at] + "%" + ((int)path[at]).ToString("X2", CultureInfo.InvariantCulture) + path[(at + 1)..];
    }

    private sealed record LimitedEndpoint(string Method, string Pattern, string Path, string Policy);
}