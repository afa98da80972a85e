using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Customers;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class OrderPlacementHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task A_signed_in_customers_web_order_is_created_priced_from_the_catalog_and_reserved()
    {
        var sku = await app.NewProduct(12.50m);
        await app.Receive("uk-north", sku, 10);
        var customerId = OrderGridApp.Unique("customer");
        using var customer = app.SignedIn(customerId);

        using var response = await customer.SendAsync(OrderRequests.Post(OrderRequests.Body(customerId, "web", (sku, 3)), OrderGridApp.Unique("key")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await Json.Read(response);
        var id = Json.Text(order["id"]);
        Assert.Matches("^OG-[0-9A-Z]{4}-[0-9A-Z]{4}$", id);
        Assert.Equal($"/api/orders/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Reserved", Json.Text(order["status"]));
        Assert.False(string.IsNullOrWhiteSpace(Json.Text(order["trackingToken"])));
        Assert.Equal(("web", customerId), (Json.Text(order["channel"]), Json.Text(order["customerId"])));
        var line = Assert.Single(Json.Array(order["lines"]))!;
        Assert.Equal((sku, 3, 12.50m, 3, 0), (Json.Text(line["sku"]), Json.Number(line["quantity"]), Json.Amount(line["unitPrice"]), Json.Number(line["reservedQuantity"]), Json.Number(line["backorderedQuantity"])));
        Assert.Equal(37.50m, Json.Amount(order["total"]));
        Assert.Empty(Json.Array(order["holds"]));
        Assert.NotEmpty(Json.Array(order["timeline"]));

        using var located = await app.Ops.GetAsync(response.Headers.Location);
        Assert.Equal(id, Json.Text((await Json.Ok(located))["id"]));
    }

    [Fact]
    public async Task A_price_sent_by_the_client_is_never_charged()
    {
        var sku = await app.NewProduct(20m);
        await app.Receive("uk-north", sku, 5);
        var body = new JsonObject
        {
            ["customerId"] = OrderGridApp.Unique("customer"),
            ["email"] = "cheap@example.com",
            ["channel"] = "web",
            ["lines"] = new JsonArray(new JsonObject { ["sku"] = sku, ["quantity"] = 2, ["unitPrice"] = 0.01m }),
            ["total"] = 0.02m,
            ["shipTo"] = JsonSerializer(OrderRequests.ShipTo),
        };

        using var response = await app.Customer.SendAsync(OrderRequests.PostRaw(body.ToJsonString()));

        // Either the unknown field is refused, or it is ignored and the catalog price applies: never the client's price.
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await Json.Problem(response, HttpStatusCode.BadRequest);
            return;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await Json.Read(response);
        Assert.Equal(20m, Json.Amount(Json.Array(order["lines"])[0]!["unitPrice"]));
        Assert.Equal(40m, Json.Amount(order["total"]));
    }

    [Fact]
    public async Task Placing_again_with_the_same_idempotency_key_answers_the_same_order_and_reserves_once()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var customerId = OrderGridApp.Unique("customer");
        var body = OrderRequests.Body(customerId, "web", (sku, 2));
        var key = OrderGridApp.Unique("key");
        using var signedIn = app.SignedIn(customerId);

        using var first = await signedIn.SendAsync(OrderRequests.Post(body, key));
        using var retried = await signedIn.SendAsync(OrderRequests.Post(body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(["true"], retried.Headers.GetValues("Idempotent-Replayed"));
        var original = await Json.Read(first);
        var replayed = await Json.Read(retried);
        Assert.Equal(Json.Text(original["id"]), Json.Text(replayed["id"]));
        Assert.Equal(Json.Text(original["trackingToken"]), Json.Text(replayed["trackingToken"]));
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((2, 8), (Json.Number(stock["reserved"]), Json.Number(stock["available"])));

        // The in-memory host has no order list: the customer's record names the one order as its first.
        var customer = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICustomerGrain>(customerId).Get();
        Assert.Equal(Json.Text(original["id"]), customer.FirstOrderId);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_order_is_unprocessable()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var customerId = OrderGridApp.Unique("customer");
        var key = OrderGridApp.Unique("key");
        await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(customerId, "web", (sku, 1)), key);

        using var different = await app.Customer.SendAsync(OrderRequests.Post(OrderRequests.Body(customerId, "web", (sku, 4)), key));

        Assert.Equal("order.idempotency-key-reused", Json.Text((await Json.Problem(different, HttpStatusCode.UnprocessableEntity))["code"]));
        Assert.Equal(1, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_place_one_order()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var body = OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 3));
        var key = OrderGridApp.Unique("key");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Customer.SendAsync(OrderRequests.Post(body, key))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add(Json.Text((await Json.Read(response))["id"]));
            response.Dispose();
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Single(ids);
        Assert.Equal(3, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task Concurrent_orders_never_reserve_more_than_is_on_hand()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);

        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.PlaceOrder((sku, 1))));

        Assert.Equal(5, orders.Count(o => Json.Text(o["status"]) == "Reserved"));
        Assert.Equal(15, orders.Count(o => Json.Text(o["status"]) == "Backordered"));
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((5, 5, 0), (Json.Number(stock["onHand"]), Json.Number(stock["reserved"]), Json.Number(stock["available"])));
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_customers_places_two_orders()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        var key = OrderGridApp.Unique("key");

        var first = await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1)), key);
        var second = await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1)), key);

        Assert.NotEqual(Json.Text(first["id"]), Json.Text(second["id"]));
        Assert.Equal(2, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task An_order_at_the_limits_of_200_lines_and_10000_units_is_accepted()
    {
        using var catalog = await app.Customer.GetAsync(new Uri("/api/catalog?page=2&pageSize=200", UriKind.Relative));
        var skus = Json.Array((await Json.Ok(catalog))["items"]).Select(p => Json.Text(p!["sku"])).ToList();
        var bulk = await app.NewProduct(0.01m);
        Assert.Equal(200, skus.Count);
        skus[0] = bulk;

        var order = await OrderGridApp.PlaceOrder(
            app.Customer,
            OrderRequests.Body(OrderGridApp.Unique("customer"), "web", [.. skus.Select((sku, i) => (sku, i == 0 ? 10_000 : 1))]));

        Assert.Equal(200, Json.Array(order["lines"]).Count);
        var bulkLine = Json.Array(order["lines"]).Single(l => Json.Text(l!["sku"]) == bulk)!;
        Assert.Equal((10_000, 0, 10_000), (Json.Number(bulkLine["quantity"]), Json.Number(bulkLine["reservedQuantity"]), Json.Number(bulkLine["backorderedQuantity"])));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("app")]
    public async Task Customers_order_on_the_web_and_in_the_app_without_a_key(string channel)
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);

        var order = await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), channel, (sku, 1)));

        Assert.Equal(channel, Json.Text(order["channel"]));
        Assert.Equal("Customer", Json.Text(Json.Array(order["timeline"])[0]!["actor"]!["kind"]));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("store")]
    public async Task Staff_channels_need_an_ops_key(string channel)
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var body = OrderRequests.Body(OrderGridApp.Unique("customer"), channel, (sku, 1));

        using var anonymous = await app.Customer.SendAsync(OrderRequests.Post(body));
        using var planner = await app.Planner.SendAsync(OrderRequests.Post(body));
        var stockBefore = await app.Stock("uk-north", sku);
        using var ops = await app.Ops.SendAsync(OrderRequests.Post(body));

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Problem(planner, HttpStatusCode.Forbidden);
        Assert.Equal(0, Json.Number(stockBefore["reserved"]));
        Assert.Equal(HttpStatusCode.Created, ops.StatusCode);
        var order = await Json.Read(ops);
        Assert.Equal(channel, Json.Text(order["channel"]));
        var placed = Json.Array(order["timeline"])[0]!["actor"]!;
        Assert.Equal(("Staff", "demo-ops"), (Json.Text(placed["kind"]), Json.Text(placed["name"])));
    }

    [Fact]
    public async Task A_web_order_with_an_unknown_key_is_refused_rather_than_taken_as_a_customer()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        using var stranger = app.WithKey("not-a-key-of-ours-0000000");

        using var response = await stranger.SendAsync(OrderRequests.Post(OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1))));

        await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    private static JsonNode JsonSerializer(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}