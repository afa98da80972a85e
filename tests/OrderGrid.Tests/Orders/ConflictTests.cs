using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ConflictTests(OrderGridApp app)
{
    [Fact]
    public async Task Approving_an_order_that_is_not_awaiting_review_is_a_conflict()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var response = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/approve", UriKind.Relative), content: null);

        await Json.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("Reserved", Json.Text((await app.Order(id))["status"]));
    }

    [Fact]
    public async Task Cancelling_after_shipment_is_refused()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 4);
        var id = Json.Text((await app.PlaceOrder((sku, 2)))["id"]);
        await app.Ship(id);

        using var response = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "changed my mind" });

        await Json.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("Shipped", Json.Text((await app.Order(id))["status"]));
        var stock = await app.Stock("uk-north", sku);
        Assert.Equal((2, 0, 2), (Json.Number(stock["onHand"]), Json.Number(stock["reserved"]), Json.Number(stock["available"])));
    }

    [Fact]
    public async Task Pick_lists_for_a_backordered_order_are_refused()
    {
        var sku = await app.NewProduct();
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var response = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);

        await Json.Problem(response, HttpStatusCode.Conflict);
        var order = await app.Order(id);
        Assert.Equal("Backordered", Json.Text(order["status"]));
        Assert.Empty(Json.Array(order["pickLists"]));
    }

    [Fact]
    public async Task Issuing_pick_lists_twice_is_a_conflict()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        (await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null)).Dispose();

        using var again = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null);

        await Json.Problem(again, HttpStatusCode.Conflict);
        Assert.Single(Json.Array((await app.Order(id))["pickLists"]));
    }
}