using System.Net;
using System.Text;

namespace OrderGrid.Tests.Security;

/// <summary>
/// Row 5 of issue 15: a body in any charset or encoding answers 415, never 500, and no error body in any environment
/// carries a stack trace or the request's headers (the API key least of all).
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class ErrorBodyTests(ErrorBodyHosts hosts) : IClassFixture<ErrorBodyHosts>
{
    private const string Marker = "marker-7f3a9c-do-not-echo";

    public static TheoryData<string, string> EncodingCases()
    {
        var data = new TheoryData<string, string>();
        string[] contentTypes =
        [
            "application/json; charset=utf-7",
            "application/json; charset=UTF-7",
            "application/json; charset=\"utf-7\"",
            "application/json; charset=utf-32",
            "application/json; charset=utf-32BE",
            "application/json; charset=utf-16",
            "application/json; charset=x-no-such-charset",
            "application/json; charset=ibm037",
            "application/json; charset=",
            "application/json; charset=\"\"",
            "application/json; charset=utf-8; charset=utf-7",
            "application/json; charset=utf-7; charset=utf-8",
            "application/json; charset=utf-8; charset=utf-8",
            "application/json; charset=utf-8, text/plain; charset=utf-7",
        ];
        foreach (var environment in new[] { "Development", "Production" })
        {
            foreach (var contentType in contentTypes)
            {
                data.Add(environment, contentType);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public async Task A_body_in_a_charset_other_than_utf8_answers_415_without_echoing_anything(string environment, string contentType)
    {
        var app = hosts[environment];
        foreach (var (path, key) in new[] { ("/api/orders", (string?)null), ("/api/orders", ErrorBodyApp.OpsKey), ("/api/catalog/ENC-1", ErrorBodyApp.OpsKey) })
        {
            using var request = Request(path == "/api/orders" ? HttpMethod.Post : HttpMethod.Put, path, key, contentType);
            using var response = await app.CreateClient().SendAsync(request);

            var problem = await Json.Problem(response, HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("request.unsupported-media-type", Json.Text(problem["code"]));
            await AssertNothingEchoed(response, key);
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_compressed_body_answers_415(string environment)
    {
        var app = hosts[environment];
        using var request = Request(HttpMethod.Post, "/api/orders", null, "application/json");
        request.Content!.Headers.ContentEncoding.Add("gzip");

        using var response = await app.CreateClient().SendAsync(request);

        await Json.Problem(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNothingEchoed(response, null);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=utf8")]
    [InlineData("application/json")]
    public async Task A_utf8_body_is_read_however_its_charset_is_written(string contentType)
    {
        var app = hosts["Development"];
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/ENC-UTF8")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"Crème brûlée set\",\"unitPrice\":12.5}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {ErrorBodyApp.OpsKey}");

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal("Crème brûlée set", Json.Text((await Json.Ok(response))["name"]));
    }

    [Theory]
    [InlineData("Development", ErrorBodyApp.ThrowsPath)]
    [InlineData("Development", ErrorBodyApp.ThrowsTwicePath)]
    [InlineData("Production", ErrorBodyApp.ThrowsPath)]
    [InlineData("Production", ErrorBodyApp.ThrowsTwicePath)]
    public async Task An_unexpected_exception_answers_a_bare_500_problem_in_every_environment(string environment, string path)
    {
        var app = hosts[environment];
        foreach (var accept in new[] { "application/json", "text/html", "*/*" })
        {
            using var request = Request(HttpMethod.Post, path, ErrorBodyApp.OpsKey, "application/json");
            request.Headers.TryAddWithoutValidation("Accept", accept);

            using var response = await app.CreateClient().SendAsync(request);

            // A client that reads only HTML gets the status alone: problems are JSON.
            if (accept == "text/html" && response.Content.Headers.ContentLength == 0)
            {
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                continue;
            }

            var problem = await Json.Problem(response, HttpStatusCode.InternalServerError);
            Assert.Equal("server.error", Json.Text(problem["code"]));
            Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
            await AssertNothingEchoed(response, ErrorBodyApp.OpsKey);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? key, string contentType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent("{\"name\":\"x\",\"unitPrice\":1}"u8.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("X-Probe", Marker);
        request.Headers.TryAddWithoutValidation("Cookie", $"session={Marker}");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        }

        return request;
    }

    private static async Task AssertNothingEchoed(HttpResponseMessage response, string? key)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"headers\"", body, StringComparison.OrdinalIgnoreCase);
        if (key is not null)
        {
            Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Marker, string.Join('\n', response.Headers.Select(h => string.Join(',', h.Value))), StringComparison.Ordinal);
    }
}