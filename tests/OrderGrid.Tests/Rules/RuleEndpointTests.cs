using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Rules;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class RuleEndpointTests(OrderGridApp app)
{
    /// <summary>A rule body wrong in exactly one field, and that field.</summary>
    public static TheoryData<string, string> BadFields => new()
    {
        { """{"priority":1,"actions":[{"kind":"autoApprove"}]}""", "name" },
        { """{"name":"r","priority":-5,"actions":[{"kind":"autoApprove"}]}""", "priority" },
        { """{"name":"r","priority":1}""", "actions" },
        { """{"name":"r","priority":1,"actions":[{"kind":"hold"}]}""", "actions[0].reason" },
        { """{"name":"r","priority":1,"actions":[{"kind":"priority","level":"normal"},{"kind":"preferWarehouse"}]}""", "actions[1].warehouseId" },
        { """{"name":"r","priority":1,"actions":[{"kind":"preferWarehouse","warehouseId":"mars"}]}""", "actions[0].warehouseId" },
        { """{"name":"r","priority":1,"conditions":{"countries":["Germany"]},"actions":[{"kind":"autoApprove"}]}""", "conditions.countries[0]" },
        { """{"name":"r","priority":1,"conditions":{"countries":["GB","ZZ"]},"actions":[{"kind":"autoApprove"}]}""", "conditions.countries[1]" },
        { """{"name":"r","priority":1,"conditions":{"segments":["gold"]},"actions":[{"kind":"autoApprove"}]}""", "conditions.segments[0]" },
        { """{"name":"r","priority":1,"conditions":{"minTotal":100,"maxTotal":50},"actions":[{"kind":"autoApprove"}]}""", "conditions.maxTotal" },
    };

    [Fact]
    public async Task The_default_rule_holds_orders_above_the_review_threshold()
    {
        using var response = await app.Ops.GetAsync(new Uri("/api/rules", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rule = (await Json.ReadArray(response)).Single(r => Json.Number(r!["id"]) == 1)!;
        Assert.Equal("high value", Json.Text(rule["name"]));
        Assert.Equal(5000m, Json.Amount(rule["conditions"]!["minTotal"]));
        var hold = Assert.Single(Json.Array(rule["actions"]))!;
        Assert.Equal(("Hold", "order value above £5,000.00"), (Json.Text(hold["kind"]), Json.Text(hold["reason"])));
    }

    [Fact]
    public async Task An_admin_creates_reads_replaces_and_deletes_a_rule()
    {
        var sku = OrderGridApp.Unique("sku");
        var body = Rule("bulk", sku, """{"kind":"priority","level":"express"}""");

        using var created = await Send(app.Admin, HttpMethod.Post, "/api/rules", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await Json.Read(created);
        var id = Json.Number(rule["id"]);
        Assert.Equal($"/api/rules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("bulk", true, "Express"), (Json.Text(rule["name"]), rule["enabled"]!.GetValue<bool>(), Json.Text(rule["actions"]![0]!["level"])));

        using var read = await app.Ops.GetAsync(new Uri($"/api/rules/{id}", UriKind.Relative));
        Assert.Equal(rule.ToJsonString(), (await Json.Ok(read)).ToJsonString());

        using var replaced = await Send(app.Admin, HttpMethod.Put, $"/api/rules/{id}", Rule("bulk orders", sku, """{"kind":"requireSignature"}""").Replace("\"priority\":50", "\"priority\":50,\"enabled\":false", StringComparison.Ordinal));
        var after = await Json.Ok(replaced);
        Assert.Equal((id, "bulk orders", false, "RequireSignature"), (Json.Number(after["id"]), Json.Text(after["name"]), after["enabled"]!.GetValue<bool>(), Json.Text(after["actions"]![0]!["kind"])));

        using var deleted = await app.Admin.DeleteAsync(new Uri($"/api/rules/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await app.Ops.GetAsync(new Uri($"/api/rules/{id}", UriKind.Relative));
        Assert.Equal("rule.not-found", Json.Text((await Json.Problem(gone, HttpStatusCode.NotFound))["code"]));
        using var deletedAgain = await app.Admin.DeleteAsync(new Uri($"/api/rules/{id}", UriKind.Relative));
        await Json.Problem(deletedAgain, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_rule_is_refused_naming_the_field(string body, string field)
    {
        using var response = await Send(app.Admin, HttpMethod.Post, "/api/rules", body);

        await Json.Invalid(response, field);
    }

    [Fact]
    public async Task Replacing_with_a_bad_rule_or_a_missing_body_is_refused()
    {
        using var missing = await Send(app.Admin, HttpMethod.Post, "/api/rules", "null");
        using var unknownKind = await Send(app.Admin, HttpMethod.Post, "/api/rules", """{"name":"r","actions":[{"kind":"teleport"}]}""");
        using var bad = await Send(app.Admin, HttpMethod.Put, "/api/rules/1", """{"name":"","actions":[]}""");
        using var absent = await Send(app.Admin, HttpMethod.Put, "/api/rules/999999", Rule("r", "sku", """{"kind":"autoApprove"}"""));

        await Json.Problem(missing, HttpStatusCode.BadRequest);
        await Json.Problem(unknownKind, HttpStatusCode.BadRequest);
        await Json.Invalid(bad, "name");
        await Json.Problem(absent, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_write_rules_and_only_staff_read_them()
    {
        var body = Rule("nope", OrderGridApp.Unique("sku"), """{"kind":"autoApprove"}""");

        using var anonymousCreate = await Send(app.Customer, HttpMethod.Post, "/api/rules", body);
        using var opsCreate = await Send(app.Ops, HttpMethod.Post, "/api/rules", body);
        using var opsDelete = await app.Ops.DeleteAsync(new Uri("/api/rules/1", UriKind.Relative));
        using var anonymousList = await app.Customer.GetAsync(new Uri("/api/rules", UriKind.Relative));
        using var plannerList = await app.Planner.GetAsync(new Uri("/api/rules", UriKind.Relative));

        await Json.Problem(anonymousCreate, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.forbidden", Json.Text((await Json.Problem(opsCreate, HttpStatusCode.Forbidden))["code"]));
        await Json.Problem(opsDelete, HttpStatusCode.Forbidden);
        await Json.Problem(anonymousList, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, plannerList.StatusCode);
    }

    [Fact]
    public async Task A_phone_order_to_germany_is_held_by_the_check_address_rule()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        await Create($$"""{"name":"check address","priority":10,"conditions":{"channels":["phone"],"countries":["DE"],"skus":["{{sku}}"]},"actions":[{"kind":"hold","reason":"check address"}]}""");

        var toGermany = Body(sku, "phone", "DE");
        var held = await OrderGridApp.PlaceOrder(app.Ops, toGermany);
        var toBritain = await OrderGridApp.PlaceOrder(app.Ops, Body(sku, "phone", "GB"));

        Assert.Equal("AwaitingReview", Json.Text(held["status"]));
        Assert.Equal("check address", Json.Text(Json.Array(held["holds"])[0]!["reason"]));
        var entry = Json.Array(held["timeline"]).Last()!;
        Assert.Equal("Held for review by rule 'check address': check address.", Json.Text(entry["description"]));
        Assert.Equal(("Rule", "check address"), (Json.Text(entry["actor"]!["kind"]), Json.Text(entry["actor"]!["name"])));
        Assert.Equal("Reserved", Json.Text(toBritain["status"]));
    }

    [Fact]
    public async Task An_excluded_warehouse_is_not_sourced_from()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        await app.Receive("uk-south", sku, 5);
        await Create(Rule("not from the north", sku, """{"kind":"excludeWarehouse","warehouseId":"uk-north"}"""));

        var order = await app.PlaceOrder((sku, 2));

        var allocation = Assert.Single(Json.Array(Json.Array(order["lines"])[0]!["allocations"]))!;
        Assert.Equal(("uk-south", 2), (Json.Text(allocation["warehouseId"]), Json.Number(allocation["reserved"])));
        Assert.Contains(Json.Array(order["timeline"]), e => Json.Text(e!["description"]) == "Warehouse uk-north excluded by rule 'not from the north'.");
    }

    [Fact]
    public async Task A_preferred_warehouse_is_tried_first()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        await app.Receive("eu-central", sku, 5);
        await Create(Rule("from the continent", sku, """{"kind":"preferWarehouse","warehouseId":"eu-central"}"""));

        var order = await app.PlaceOrder((sku, 2));

        var allocation = Assert.Single(Json.Array(Json.Array(order["lines"])[0]!["allocations"]))!;
        Assert.Equal("eu-central", Json.Text(allocation["warehouseId"]));
    }

    [Fact]
    public async Task Priority_and_signature_show_in_the_order_view()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        await Create(Rule("vip goods", sku, """{"kind":"priority","level":"vip"},{"kind":"requireSignature"}"""));

        var placed = await app.PlaceOrder((sku, 1));
        var order = await app.Order(Json.Text(placed["id"]));

        Assert.Equal(("Vip", true), (Json.Text(order["priority"]), order["signatureRequired"]!.GetValue<bool>()));
        Assert.Equal("Reserved", Json.Text(order["status"]));
        Assert.Contains(Json.Array(order["timeline"]), e => Json.Text(e!["description"]) == "Priority vip set by rule 'vip goods'.");
    }

    [Fact]
    public async Task An_auto_approved_order_skips_the_high_value_review()
    {
        var sku = await app.NewProduct(unitPrice: 6000m);
        await app.Receive("uk-north", sku, 1);
        await Create(Rule("trusted product", sku, """{"kind":"autoApprove"}"""));

        var order = await app.PlaceOrder((sku, 1));

        Assert.Equal("Reserved", Json.Text(order["status"]));
        Assert.Contains(Json.Array(order["timeline"]), e => Json.Text(e!["kind"]) == "order.auto-approved");
    }

    private static string Rule(string name, string sku, string actions) =>
        $$"""{"name":"{{name}}","priority":50,"conditions":{"skus":["{{sku}}"]},"actions":[{{actions}}]}""";

    private static object Body(string sku, string channel, string country) => new
    {
        customerId = OrderGridApp.Unique("customer"),
        phone = "+49 30 1234567",
        channel,
        lines = new[] { new { sku, quantity = 1 } },
        shipTo = new { name = "Ada", line1 = "Unter den Linden 1", city = "Berlin", postalCode = "10117", country },
    };

    private async Task Create(string body)
    {
        using var response = await Send(app.Admin, HttpMethod.Post, "/api/rules", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
}