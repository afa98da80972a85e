using System.Net;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Hosting;

/// <summary>Reads answers as JSON, so tests see the wire format (names, casing, enum strings), not our C# types.</summary>
public static class Json
{
    public static async Task<JsonObject> Read(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {text}");
    }

    public static async Task<JsonArray> ReadArray(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonArray ?? throw new Xunit.Sdk.XunitException($"Not a JSON array: {text}");
    }

    /// <summary>Asserts 200 and answers the body, showing the body when the status is different.</summary>
    public static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {text}");
    }

    /// <summary>Asserts the status and <c>application/problem+json</c>, and answers the problem.</summary>
    public static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {text}");
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.StartsWith("https://ordergrid.dev/problems/", (string?)problem["type"], StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonObject> Invalid(HttpResponseMessage response, string field)
    {
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"] as JsonObject;
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected errors for '{field}' in {problem.ToJsonString()}");
        return problem;
    }

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("Missing string value.");

    public static int Number(JsonNode? node) => node?.GetValue<int>() ?? throw new Xunit.Sdk.XunitException("Missing number value.");

    public static decimal Amount(JsonNode? node) => node?.GetValue<decimal>() ?? throw new Xunit.Sdk.XunitException("Missing number value.");

    public static JsonArray Array(JsonNode? node) => node as JsonArray ?? throw new Xunit.Sdk.XunitException("Missing array value.");
}