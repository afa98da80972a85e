using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Orders;

/// <summary>Every kind of bad order request answers 400 (or 415) as problem+json that names the field; never 500.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class OrderValidationTests(OrderGridApp app)
{
    public static TheoryData<string, string> BadFields => new()
    {
        { "quantity 0", "lines[0].quantity" },
        { "quantity 10,001", "lines[0].quantity" },
        { "second line quantity 0", "lines[1].quantity" },
        { "201 lines", "lines" },
        { "no lines", "lines" },
        { "no shipTo", "shipTo" },
        { "no shipTo.name", "shipTo.name" },
        { "no shipTo.line1", "shipTo.line1" },
        { "no shipTo.city", "shipTo.city" },
        { "blank shipTo.postalCode", "shipTo.postalCode" },
        { "no shipTo.country", "shipTo.country" },
        { "punctuation for shipTo.postalCode", "shipTo.postalCode" },
        { "shipTo.country ZZ, no country", "shipTo.country" },
        { "no email and no phone", "email" },
        { "no channel", "channel" },
        { "unknown channel", "channel" },
        { "channel as a number", "channel" },
        { "unknown SKU", "lines[0].sku" },
        { "malformed SKU", "lines[0].sku" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task An_order_with_a_bad_field_is_refused_naming_the_field(string mistake, string field)
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var body = ValidBody(sku);
        Spoil(body, mistake);

        using var response = await app.Customer.SendAsync(OrderRequests.PostRaw(body.ToJsonString()));

        await Json.Invalid(response, field);
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task A_staff_order_without_a_customer_is_refused_naming_the_field()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var body = ValidBody(sku);
        body["channel"] = "phone";
        Spoil(body, "no customerId");

        using var response = await app.Ops.SendAsync(OrderRequests.PostRaw(body.ToJsonString()));

        await Json.Invalid(response, "customerId");
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { """{ "customerId": 42, "channel": "web" }""", "customerId" },
        { """{ "customerId": "c-1", "channel": "web", "lines": "many" }""", "lines" },
        { """{ "customerId": "c-1", "channel": "web", "lines": [ { "sku": "A1", "quantity": "two" } ] }""", "lines[0].quantity" },
        { """{ "customerId": "c-1", "channel": "web", "lines": [ { "sku": "A1", "quantity": 99999999999999999999 } ] }""", "lines[0].quantity" },
        { """{ "customerId": "c-1", "channel": "web", "lines": [ { "sku": "A1", "quantity": 1.5 } ] }""", "lines[0].quantity" },
        { """{ "customerId": "c-1", "channel": "web", "lines": [ { "sku": "A1", "quantity": 1e400 } ] }""", "lines[0].quantity" },
        { """{ "customerId": "c-1", "channel": "web", "shipTo": "home" }""", "shipTo" },
        { """[ 1, 2, 3 ]""", "body" },
        { "\"an order\"", "body" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_order_body_is_a_bad_request_not_a_server_error(string json, string field)
    {
        using var response = await app.Customer.SendAsync(OrderRequests.PostRaw(json));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"] is JsonObject errors && errors.ContainsKey(field), $"Expected errors for '{field}' in {problem.ToJsonString()}");
    }

    [Theory]
    [InlineData("""{ "customerId": "c-1", "channel": "web", "lines": [ """)]
    [InlineData("""{ "customerId": "c-1" "channel": "web" }""")]
    [InlineData("""{ "customerId": "c-1", "channel": "web", }""")]
    [InlineData("""{ 'customerId': 'c-1' }""")]
    [InlineData("""{ "customerId": "c-1" } trailing""")]
    public async Task Malformed_json_is_a_bad_request_not_a_server_error(string json)
    {
        using var response = await app.Customer.SendAsync(OrderRequests.PostRaw(json));

        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.malformed-body", Json.Text(problem["code"]));
        Assert.NotEmpty(Assert.IsType<JsonObject>(problem["errors"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_a_bad_request(string json)
    {
        using var response = await app.Customer.SendAsync(OrderRequests.PostRaw(json));

        await Json.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_request_without_a_body_is_a_bad_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders");

        using var response = await app.Customer.SendAsync(request);

        await Json.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent("customer=c-1", Encoding.UTF8, "text/plain") };

        using var response = await app.Customer.SendAsync(request);

        await Json.Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_idempotency_key_longer_than_200_characters_is_refused()
    {
        var sku = await app.NewProduct();
        using var request = OrderRequests.PostRaw(ValidBody(sku).ToJsonString());
        request.Headers.Add("Idempotency-Key", new string('k', 201));

        using var response = await app.Customer.SendAsync(request);

        await Json.Invalid(response, "Idempotency-Key");
    }

    private static JsonObject ValidBody(string sku) => new()
    {
        ["customerId"] = OrderGridApp.Unique("customer"),
        ["email"] = "ada@example.com",
        ["channel"] = "web",
        ["lines"] = new JsonArray(new JsonObject { ["sku"] = sku, ["quantity"] = 1 }),
        ["shipTo"] = new JsonObject
        {
            ["name"] = "Ada Lovelace",
            ["line1"] = "12 St James Sq",
            ["city"] = "London",
            ["postalCode"] = "SW1Y 4JH",
            ["country"] = "GB",
        },
    };

    private static void Spoil(JsonObject body, string mistake)
    {
        var lines = (JsonArray)body["lines"]!;
        var shipTo = (JsonObject)body["shipTo"]!;
        switch (mistake)
        {
            case "quantity 0":
                lines[0]!["quantity"] = 0;
                break;
            case "quantity 10,001":
                lines[0]!["quantity"] = 10_001;
                break;
            case "second line quantity 0":
                lines.Add(new JsonObject { ["sku"] = OrderGridApp.Unique("other"), ["quantity"] = 0 });
                break;
            case "201 lines":
                for (var i = 1; i <= 200; i++)
                {
                    lines.Add(new JsonObject { ["sku"] = $"LINE-{i}", ["quantity"] = 1 });
                }

                break;
            case "no lines":
                body["lines"] = new JsonArray();
                break;
            case "no shipTo":
                body.Remove("shipTo");
                break;
            case "no shipTo.name":
                shipTo.Remove("name");
                break;
            case "no shipTo.line1":
                shipTo.Remove("line1");
                break;
            case "no shipTo.city":
                shipTo.Remove("city");
                break;
            case "blank shipTo.postalCode":
                shipTo["postalCode"] = "   ";
                break;
            case "no shipTo.country":
                shipTo.Remove("country");
                break;
            case "punctuation for shipTo.postalCode":
                shipTo["postalCode"] = "!!!";
                break;
            case "shipTo.country ZZ, no country":
                shipTo["country"] = "ZZ";
                break;
            case "no email and no phone":
                body.Remove("email");
                break;
            case "no customerId":
                body.Remove("customerId");
                break;
            case "no channel":
                body.Remove("channel");
                break;
            case "unknown channel":
                body["channel"] = "fax";
                break;
            case "channel as a number":
                body["channel"] = 0;
                break;
            case "unknown SKU":
                lines[0]!["sku"] = OrderGridApp.Unique("nosuch");
                break;
            case "malformed SKU":
                lines[0]!["sku"] = "no spaces/or slashes";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "No such mistake.");
        }
    }
}