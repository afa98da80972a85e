using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class OrderChangeHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task Ops_change_a_quantity_and_the_stock_follows()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var id = Json.Text((await app.PlaceOrder((sku, 2)))["id"]);

        using var response = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/modification", new { lines = new[] { new { sku, quantity = 4 } } });

        var order = await Json.Ok(response);
        Assert.Equal(4, Json.Number(order["lines"]![0]!["quantity"]));
        Assert.Equal(4, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task A_customer_changes_the_address_with_the_tracking_token()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var placed = await app.PlaceOrder((sku, 1));
        var (id, token) = (Json.Text(placed["id"]), Uri.EscapeDataString(Json.Text(placed["trackingToken"])));
        var address = new { name = "Ada Lovelace", line1 = "2 Difference Street", city = "London", postalCode = "N1 9GU", country = "GB" };

        using var guessed = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/modification?token=guessed", new { shipTo = address });
        using var changed = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/modification?token={token}", new { shipTo = address });

        await Json.Problem(guessed, HttpStatusCode.NotFound);
        await Json.Ok(changed);
        Assert.Equal("2 Difference Street", Json.Text((await app.Order(id))["shipTo"]!["line1"]));
    }

    [Fact]
    public async Task Bad_lines_are_a_validation_problem()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var zero = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/modification", new { lines = new[] { new { sku, quantity = 0 } } });
        using var empty = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/modification", new { });
        using var unknown = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/modification", new { lines = new[] { new { sku = "no-such-sku", quantity = 1 } } });

        await Json.Invalid(zero, "lines[0].quantity");
        await Json.Invalid(empty, "lines");
        await Json.Invalid(unknown, "lines[0].sku");
    }

    [Fact]
    public async Task Unknown_orders_are_not_found_and_picked_orders_conflict()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        using var issued = await app.Ops.PostAsync($"/api/orders/{id}/pick-lists", null);
        var body = new { lines = new[] { new { sku, quantity = 2 } } };

        using var missing = await app.Ops.PostAsJsonAsync("/api/orders/OG-0000-0000/modification", body);
        using var picked = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/modification", body);
        using var notInReview = await app.Ops.PostAsJsonAsync($"/api/review-queue/{id}/correction", body);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        await Json.Problem(missing, HttpStatusCode.NotFound);
        await Json.Problem(picked, HttpStatusCode.Conflict);
        await Json.Problem(notInReview, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changes_need_an_ops_key_or_the_tracking_token()
    {
        var body = new { lines = new[] { new { sku = "any", quantity = 1 } } };

        using var anonymous = await app.Customer.PostAsJsonAsync("/api/orders/OG-0000-0000/modification", body);
        using var planner = await app.Planner.PostAsJsonAsync("/api/orders/OG-0000-0000/modification", body);
        using var anonymousCorrection = await app.Customer.PostAsJsonAsync("/api/review-queue/OG-0000-0000/correction", body);
        using var plannerCorrection = await app.Planner.PostAsJsonAsync("/api/review-queue/OG-0000-0000/correction", body);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCorrection.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, plannerCorrection.StatusCode);
    }

    [Fact]
    public async Task A_correction_in_the_review_queue_sends_the_order_on()
    {
        var sku = await app.NewProduct(unitPrice: 3_000m);
        await app.Receive("uk-north", sku, 5);
        var id = Json.Text((await app.PlaceOrder((sku, 2)))["id"]);

        using var corrected = await app.Ops.PostAsJsonAsync($"/api/review-queue/{id}/correction", new { lines = new[] { new { sku, quantity = 1 } } });

        var order = await Json.Ok(corrected);
        Assert.Equal("Reserved", Json.Text(order["status"]));
    }
}