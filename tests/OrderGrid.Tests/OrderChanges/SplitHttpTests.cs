using System.Net;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class SplitHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task Ops_split_a_backordered_order_and_what_is_reserved_gets_a_pick_list()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 3)))["id"]);

        using var response = await app.Ops.PostAsync($"/api/orders/{id}/split", null);

        var order = await Json.Ok(response);
        Assert.Equal("Processing", Json.Text(order["status"]));
        var pickList = order["pickLists"]![0]!;
        Assert.Equal(1, Json.Number(pickList["lines"]![0]!["quantity"]));
    }

    [Fact]
    public async Task An_order_that_waits_for_nothing_conflicts_and_an_unknown_one_is_not_found()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var reserved = await app.Ops.PostAsync($"/api/orders/{id}/split", null);
        using var missing = await app.Ops.PostAsync("/api/orders/OG-0000-0000/split", null);
        using var malformed = await app.Ops.PostAsync("/api/orders/not-an-order/split", null);

        await Json.Problem(reserved, HttpStatusCode.Conflict);
        await Json.Problem(missing, HttpStatusCode.NotFound);
        await Json.Problem(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_customer_chooses_to_ship_what_is_here_now_with_the_tracking_token()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var placed = await app.PlaceOrder((sku, 3));
        var id = Json.Text(placed["id"]);
        var token = Uri.EscapeDataString(Json.Text(placed["trackingToken"]));
        var offered = await app.Order(id);

        using var wrongToken = await app.Customer.PostAsync($"/api/orders/{id}/split?token=guessed", null);
        using var response = await app.Customer.PostAsync($"/api/orders/{id}/split?token={token}", null);

        Assert.Contains("ship-available-now", Json.Array(offered["customerActions"]).Select(a => Json.Text(a)));
        await Json.Problem(wrongToken, HttpStatusCode.NotFound);
        var text = await response.Content.ReadAsStringAsync();
        var view = await Json.Ok(response);
        Assert.Equal("Processing", Json.Text(view["status"]));
        Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ship-available-now", Json.Array(view["allowedActions"]).Select(a => Json.Text(a)));
        var split = (await app.Order(id))["timeline"]!.AsArray().Last(e => Json.Text(e!["kind"]) == "order.split")!;
        Assert.Equal("Customer", Json.Text(split["actor"]!["kind"]));
    }

    [Fact]
    public async Task A_split_needs_an_ops_key_or_the_tracking_token()
    {
        using var anonymous = await app.Customer.PostAsync("/api/orders/OG-0000-0000/split", null);
        using var planner = await app.Planner.PostAsync("/api/orders/OG-0000-0000/split", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
    }
}