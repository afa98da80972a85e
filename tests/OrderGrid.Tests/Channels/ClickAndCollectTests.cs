using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Channels;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ClickAndCollectTests(OrderGridApp app)
{
    [Fact]
    public async Task A_pickup_order_takes_stock_only_from_its_store_and_dispatches_it_when_collected()
    {
        var sku = await app.NewProduct(20m);
        await app.Receive("uk-north", sku, 10);
        await app.Receive("uk-south", sku, 2);
        var body = new
        {
            customerId = OrderGridApp.Unique("walk-in"),
            phone = "07700 900123",
            channel = "store",
            lines = new[] { new { sku, quantity = 3 } },
            fulfilment = new { kind = "pickup", warehouseId = "uk-south" },
        };

        var order = await OrderGridApp.PlaceOrder(app.Ops, body, OrderGridApp.Unique("key"));
        var id = Json.Text(order["id"]);

        Assert.Equal("Backordered", Json.Text(order["status"]));
        Assert.Null(order["shipTo"]);
        var allocation = Assert.Single(Json.Array(Assert.Single(Json.Array(order["lines"]))!["allocations"]))!;
        Assert.Equal(("uk-south", 2, 1), (Json.Text(allocation["warehouseId"]), Json.Number(allocation["reserved"]), Json.Number(allocation["backordered"])));
        Assert.Equal(10, Json.Number((await app.Stock("uk-north", sku))["available"]));

        await app.Receive("uk-south", sku, 5);
        await app.Eventually(id, o => Json.Text(o["status"]) == "Reserved");
        var pickListId = await PickAndPack(id);

        using var shipped = await app.Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "UPS" });
        await Json.Problem(shipped, HttpStatusCode.Conflict);
        using var early = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/collected", UriKind.Relative), content: null);
        await Json.Problem(early, HttpStatusCode.Conflict);

        using var ready = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/ready-for-pickup", UriKind.Relative), content: null);
        Assert.Equal("ReadyForPickup", Json.Text((await Json.Ok(ready))["status"]));
        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(Json.Text(order["trackingToken"]))}", UriKind.Relative));
        var tracking = await Json.Ok(tracked);
        Assert.Equal("ReadyForPickup", Json.Text(tracking["status"]));
        Assert.Contains(Json.Array(tracking["timeline"]), t => Json.Text(t!["kind"]) == "pickup.ready");

        using var collected = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/collected", UriKind.Relative), content: null);
        var delivered = await Json.Ok(collected);

        Assert.Equal("Delivered", Json.Text(delivered["status"]));
        Assert.Equal("pickup.collected", Json.Text(Json.Array(delivered["timeline"])[^1]!["kind"]));
        var store = await app.Stock("uk-south", sku);
        Assert.Equal((4, 0, 4), (Json.Number(store["onHand"]), Json.Number(store["reserved"]), Json.Number(store["available"])));
        Assert.Equal(10, Json.Number((await app.Stock("uk-north", sku))["onHand"]));
    }

    [Fact]
    public async Task A_delivery_order_is_never_made_ready_for_collection()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);
        var pickListId = await PickAndPack(id);

        using var ready = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/ready-for-pickup", UriKind.Relative), content: null);
        using var collected = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/collected", UriKind.Relative), content: null);

        var problem = await Json.Problem(ready, HttpStatusCode.Conflict);
        await Json.Problem(collected, HttpStatusCode.Conflict);
        Assert.Contains("carrier", Json.Text(problem["detail"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickup_steps_are_for_ops()
    {
        using var response = await app.Planner.PostAsync(new Uri("/api/pick-lists/OG-AAAA-AAAA-P1/ready-for-pickup", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string> PickAndPack(string orderId)
    {
        using var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var pickList = Assert.Single(await Json.ReadArray(issued)) as JsonObject;
        var pickListId = Json.Text(pickList!["id"]);
        using var picked = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null);
        await Json.Ok(picked);
        using var packed = await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null);
        await Json.Ok(packed);
        return pickListId;
    }
}