using System.Net;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Operations;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class NotFoundTests(OrderGridApp app)
{
    [Theory]
    [InlineData("/api/orders/OG-ZZZZ-ZZZZ", "order.not-found")]
    [InlineData("/api/orders/not-an-order-id", "order.not-found")]
    [InlineData("/api/shipments/SH-ZZZZ-ZZZZ", "shipment.not-found")]
    [InlineData("/api/shipments/OG-ZZZZ-ZZZZ", "shipment.not-found")]
    [InlineData("/api/catalog/NO-SUCH-SKU-404", "product.not-found")]
    [InlineData("/api/stock/uk-north/NO-SUCH-SKU-404", "product.not-found")]
    [InlineData("/api/customers/nobody-at-all-404", "customer.not-found")]
    [InlineData("/api/nothing-here", "not-found")]
    public async Task An_unknown_resource_is_not_found(string path, string code)
    {
        using var response = await app.Ops.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(code, Json.Text((await Json.Problem(response, HttpStatusCode.NotFound))["code"]));
    }

    [Theory]
    [InlineData("/api/orders/OG-ZZZZ-ZZZZ/approve")]
    [InlineData("/api/orders/OG-ZZZZ-ZZZZ/pick-lists")]
    [InlineData("/api/pick-lists/OG-ZZZZ-ZZZZ-P1/picked")]
    [InlineData("/api/pick-lists/not-a-pick-list/packed")]
    public async Task Acting_on_an_unknown_order_or_pick_list_is_not_found(string path)
    {
        using var response = await app.Ops.PostAsync(new Uri(path, UriKind.Relative), content: null);

        await Json.Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_pick_list_of_a_real_order_is_not_found()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        (await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null)).Dispose();

        using var response = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{id}-P9/picked", UriKind.Relative), content: null);

        await Json.Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tracking_with_a_wrong_token_answers_exactly_like_an_unknown_order()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        const string unknownId = "OG-ZZZZ-ZZZY";

        using var wrongToken = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token=not-the-token", UriKind.Relative));
        using var noToken = await app.Customer.GetAsync(new Uri($"/api/track/{id}", UriKind.Relative));
        using var unknown = await app.Customer.GetAsync(new Uri($"/api/track/{unknownId}?token=not-the-token", UriKind.Relative));

        var unknownShape = Shape(await Json.Problem(unknown, HttpStatusCode.NotFound), unknownId);
        Assert.Equal(unknownShape, Shape(await Json.Problem(wrongToken, HttpStatusCode.NotFound), id));
        Assert.Equal(unknownShape, Shape(await Json.Problem(noToken, HttpStatusCode.NotFound), id));
    }

    [Fact]
    public async Task The_tracking_view_shows_no_contact_details()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var customerId = OrderGridApp.Unique("customer");
        var body = new
        {
            customerId,
            email = "grace.hopper@example.com",
            phone = "+44 20 7946 0958",
            channel = "app",
            lines = new[] { new { sku, quantity = 1 } },
            shipTo = OrderRequests.ShipTo,
        };
        var order = await OrderGridApp.PlaceOrder(app.Customer, body);

        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{order["id"]}?token={Uri.EscapeDataString(Json.Text(order["trackingToken"]))}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var text = await tracked.Content.ReadAsStringAsync();
        var view = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(("Reserved", 1), (Json.Text(view["status"]), Json.Array(view["lines"]).Count));
        Assert.DoesNotContain("grace.hopper", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("7946", text, StringComparison.Ordinal);
        Assert.DoesNotContain("St James", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"email\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"phone\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trackingToken", text, StringComparison.OrdinalIgnoreCase);
    }

    // The problem without what legitimately differs: the id in the detail and the trace id.
    private static string Shape(JsonObject problem, string id)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        copy["detail"] = Json.Text(copy["detail"]).Replace(id, "{id}", StringComparison.Ordinal);
        return copy.ToJsonString();
    }
}