namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class BackorderTests(OrderGridApp app)
{
    [Fact]
    public async Task An_order_for_more_than_all_warehouses_hold_is_backordered_and_a_receipt_fills_it()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        await app.Receive("uk-south", sku, 1);

        var placed = await app.PlaceOrder((sku, 5));
        var id = Json.Text(placed["id"]);
        var line = Json.Array(placed["lines"])[0]!;

        Assert.Equal("Backordered", Json.Text(placed["status"]));
        Assert.Equal((3, 2), (Json.Number(line["reservedQuantity"]), Json.Number(line["backorderedQuantity"])));
        Assert.Contains(Json.Array(placed["holds"]), h => Json.Text(h!["kind"]) == "OutOfStock");
        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(Json.Text(placed["trackingToken"]))}", UriKind.Relative));
        var view = await Json.Ok(tracked);
        Assert.Contains("Delayed: waiting for stock", Json.Array(view["notices"]).Select(Json.Text));
        Assert.Contains(Json.Array(view["timeline"]), e => Json.Text(e!["description"]).Contains("waiting for stock", StringComparison.OrdinalIgnoreCase));
        var waiting = await app.Stock("uk-north", sku);
        Assert.Equal((2, 0, 2), (Json.Number(waiting["reserved"]), Json.Number(waiting["available"]), Json.Number(waiting["backordered"])));

        await app.Receive("uk-north", sku, 2);
        var filled = await app.Eventually(id, o => Json.Text(o["status"]) == "Reserved");

        var filledLine = Json.Array(filled["lines"])[0]!;
        Assert.Equal((5, 0), (Json.Number(filledLine["reservedQuantity"]), Json.Number(filledLine["backorderedQuantity"])));
        Assert.DoesNotContain(Json.Array(filled["holds"]), h => Json.Text(h!["kind"]) == "OutOfStock");
        var north = await app.Stock("uk-north", sku);
        var south = await app.Stock("uk-south", sku);
        Assert.Equal((4, 0), (Json.Number(north["reserved"]), Json.Number(north["available"])));
        Assert.Equal((1, 0), (Json.Number(south["reserved"]), Json.Number(south["available"])));
    }
}