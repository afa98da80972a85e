namespace OrderGrid.Tests.Operations;

/// <summary>
/// The dashboard's API types (<see cref="ApiTypeScript.DashboardPath"/>) are what <see cref="ApiTypeScript"/> writes
/// for the OpenAPI document the app serves, so a change to a response or a hub message that the dashboard does not
/// follow fails here (and then in the dashboard's strict type check). Run with <c>ORDERGRID_WRITE_API_TYPES=1</c> to
/// rewrite the file.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ApiTypesContractTests(OrderGridApp app)
{
    private static bool Write => Environment.GetEnvironmentVariable("ORDERGRID_WRITE_API_TYPES") == "1";

    [Fact]
    public async Task The_dashboard_s_API_types_are_generated_from_the_served_OpenAPI_document()
    {
        using var response = await app.Customer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var expected = ApiTypeScript.Generate(await Json.Ok(response));
        var path = Repository.PathOf(ApiTypeScript.DashboardPath);
        if (Write)
        {
            await File.WriteAllTextAsync(path, expected);
        }

        Assert.True(File.Exists(path), $"{ApiTypeScript.DashboardPath} is missing; run this test with ORDERGRID_WRITE_API_TYPES=1.");
        Assert.True(
            expected == (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n"),
            $"{ApiTypeScript.DashboardPath} is not what the OpenAPI document gives; run this test with ORDERGRID_WRITE_API_TYPES=1 and build the dashboard.");
    }

    [Fact]
    public async Task Every_answer_with_a_body_and_every_hub_message_has_a_schema()
    {
        using var response = await app.Customer.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await Json.Ok(response);
        var untyped = (from path in (System.Text.Json.Nodes.JsonObject)document["paths"]!
                       where path.Key.StartsWith("/api/", StringComparison.Ordinal)
                       from operation in (System.Text.Json.Nodes.JsonObject)path.Value!
                       from answer in (System.Text.Json.Nodes.JsonObject)operation.Value!["responses"]!
                       where answer.Key.StartsWith('2') && answer.Key != "204" && answer.Value?["content"] is null
                       select $"{operation.Key.ToUpperInvariant()} {path.Key} {answer.Key}").ToList();
        Assert.Empty(untyped);

        var schemas = (System.Text.Json.Nodes.JsonObject)document["components"]!["schemas"]!;
        Assert.All(OrderGrid.Api.Live.LiveMessages.All, message => Assert.True(schemas.ContainsKey(message.Schema), message.Schema));
    }
}