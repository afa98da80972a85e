using System.Net;

namespace OrderGrid.Tests.Channels;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class StaffOrderEntryTests(OrderGridApp app)
{
    [Fact]
    public async Task A_phone_order_records_its_channel_and_the_staff_member_who_entered_it_not_one_the_body_names()
    {
        var sku = await app.NewProduct(12m);
        await app.Receive("uk-north", sku, 5);
        var customerId = OrderGridApp.Unique("caller");
        var json = $$$"""
            {"customerId":"{{{customerId}}}","phone":"+44 20 7946 0000","channel":"phone","lines":[{"sku":"{{{sku}}}","quantity":2}],
             "shipTo":{"name":"Ada","line1":"1 Road","city":"London","postalCode":"N1 9GU","country":"GB"},
             "placedBy":{"kind":"Staff","name":"mallory"},"enteredBy":{"kind":"Staff","name":"mallory"}}
            """;
        using var request = OrderRequests.PostRaw(json);
        request.Headers.Add("Idempotency-Key", OrderGridApp.Unique("key"));

        using var response = await app.Ops.SendAsync(request);

        var order = await Json.Read(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("phone", Json.Text(order["channel"]));
        Assert.Equal(("Staff", "demo-ops"), (Json.Text(order["enteredBy"]!["kind"]), Json.Text(order["enteredBy"]!["name"])));
        Assert.Equal("demo-ops", Json.Text(Json.Array(order["timeline"])[0]!["actor"]!["name"]));
        var stored = await app.Order(Json.Text(order["id"]));
        Assert.Equal("demo-ops", Json.Text(stored["enteredBy"]!["name"]));
    }

    [Fact]
    public async Task A_customers_own_web_order_has_nobody_entering_it()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);

        var order = await app.PlaceOrder((sku, 1));

        Assert.Null(order["enteredBy"]);
        Assert.Equal("Delivery", Json.Text(order["fulfilment"]!["kind"]));
    }

    [Theory]
    [InlineData("store")]
    [InlineData("phone")]
    [InlineData("email")]
    public async Task A_customer_cannot_claim_a_staff_channel(string channel)
    {
        var sku = await app.NewProduct();

        using var anonymous = await app.Customer.SendAsync(OrderRequests.Post(OrderRequests.Body(OrderGridApp.Unique("c"), channel, (sku, 1))));
        using var planner = await app.Planner.SendAsync(OrderRequests.Post(OrderRequests.Body(OrderGridApp.Unique("c"), channel, (sku, 1))));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
    }

    [Fact]
    public async Task Search_answers_each_product_with_its_units_available_per_warehouse()
    {
        var sku = await app.NewProduct(4.5m);
        await app.Receive("uk-south", sku, 7);
        await app.Receive("eu-central", sku, 2);

        using var response = await app.Ops.GetAsync(new Uri($"/api/catalog/search?q={sku}&limit=5", UriKind.Relative));

        var hit = Assert.Single(await Json.ReadArray(response))!;
        Assert.Equal((sku, 4.5m), (Json.Text(hit["sku"]), Json.Amount(hit["unitPrice"])));
        var available = Json.Array(hit["warehouses"]).ToDictionary(w => Json.Text(w!["warehouseId"]), w => Json.Number(w!["available"]));
        Assert.Equal(new Dictionary<string, int> { ["uk-north"] = 0, ["uk-south"] = 7, ["eu-central"] = 2 }, available);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=26")]
    [InlineData("limit=ten")]
    public async Task Search_refuses_a_bad_limit(string query)
    {
        using var response = await app.Ops.GetAsync(new Uri($"/api/catalog/search?q=a&{query}", UriKind.Relative));

        await Json.Invalid(response, "limit");
    }

    [Fact]
    public async Task Search_is_for_staff()
    {
        using var response = await app.Customer.GetAsync(new Uri("/api/catalog/search?q=a", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_pickup_needs_a_known_store_and_a_delivery_needs_an_address()
    {
        var sku = await app.NewProduct();
        var lines = new[] { new { sku, quantity = 1 } };

        using var noStore = await app.Ops.SendAsync(OrderRequests.Post(new { customerId = "c-store-1", phone = "0207 946 0000", channel = "store", lines, fulfilment = new { kind = "pickup" } }));
        using var unknownStore = await app.Ops.SendAsync(OrderRequests.Post(new { customerId = "c-store-2", phone = "0207 946 0000", channel = "store", lines, fulfilment = new { kind = "pickup", warehouseId = "atlantis" } }));
        using var noAddress = await app.Ops.SendAsync(OrderRequests.Post(new { customerId = "c-store-3", phone = "0207 946 0000", channel = "phone", lines, fulfilment = new { kind = "delivery" } }));
        using var noKind = await app.Ops.SendAsync(OrderRequests.Post(new { customerId = "c-store-4", phone = "0207 946 0000", channel = "phone", lines, shipTo = OrderRequests.ShipTo, fulfilment = new { warehouseId = "uk-north" } }));

        await Json.Invalid(noStore, "fulfilment.warehouseId");
        await Json.Invalid(unknownStore, "fulfilment.warehouseId");
        await Json.Invalid(noAddress, "shipTo");
        await Json.Invalid(noKind, "fulfilment.kind");
    }
}