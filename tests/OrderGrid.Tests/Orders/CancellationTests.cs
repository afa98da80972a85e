using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CancellationTests(OrderGridApp app)
{
    [Fact]
    public async Task A_customer_cancels_with_the_tracking_token_and_the_stock_is_released()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var order = await app.PlaceOrder((sku, 3));
        var id = Json.Text(order["id"]);
        var token = Uri.EscapeDataString(Json.Text(order["trackingToken"]));

        using var wrongToken = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/cancel?token=guessed", new { reason = "not mine" });
        var stillReserved = await app.Order(id);
        using var cancelled = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/cancel?token={token}", new { reason = "ordered the wrong size" });

        await Json.Problem(wrongToken, HttpStatusCode.NotFound);
        Assert.Equal("Reserved", Json.Text(stillReserved["status"]));
        var text = await cancelled.Content.ReadAsStringAsync();
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, text);
        var view = await Json.Read(cancelled);
        Assert.Equal("Cancelled", Json.Text(view["status"]));
        Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((5, 0, 5), (Json.Number(stock["onHand"]), Json.Number(stock["reserved"]), Json.Number(stock["available"])));
        Assert.Equal("Customer", Json.Text(Cancellation(await app.Order(id))["actor"]!["kind"]));
    }

    [Fact]
    public async Task Ops_cancel_an_order_and_its_stock_is_available_again()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var id = Json.Text((await app.PlaceOrder((sku, 3)))["id"]);
        var whileReserved = await app.Stock("uk-north", sku);

        using var cancelled = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "customer phoned" });
        using var cancelledAgain = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "customer phoned" });

        Assert.Equal((3, 2), (Json.Number(whileReserved["reserved"]), Json.Number(whileReserved["available"])));
        var order = await Json.Ok(cancelled);
        Assert.Equal("Cancelled", Json.Text(order["status"]));
        var cancelledBy = Cancellation(order)["actor"]!;
        Assert.Equal(("Staff", "demo-ops"), (Json.Text(cancelledBy["kind"]), Json.Text(cancelledBy["name"])));
        Assert.True(cancelledAgain.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"A second cancel answered {(int)cancelledAgain.StatusCode}.");
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((5, 0, 5), (Json.Number(stock["onHand"]), Json.Number(stock["reserved"]), Json.Number(stock["available"])));
    }

    [Fact]
    public async Task Cancelling_without_a_key_or_a_token_is_unauthenticated()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var response = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "bye" });

        await Json.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Reserved", Json.Text((await app.Order(id))["status"]));
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_refused()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var response = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "" });

        await Json.Invalid(response, "reason");
        Assert.Equal("Reserved", Json.Text((await app.Order(id))["status"]));
    }

    private static JsonNode Cancellation(JsonObject order) =>
        Assert.Single(Json.Array(order["timeline"]), e => Json.Text(e!["kind"]) == "order.cancelled")!;
}