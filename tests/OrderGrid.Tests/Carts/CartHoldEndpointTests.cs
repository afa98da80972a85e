

namespace OrderGrid.Tests.Carts;

/// <summary>Cart holds through the API, with the default limits: 10 units a line, 50 a cart, half of what orders left.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CartHoldEndpointTests(OrderGridApp app)
{
    [Fact]
    public async Task The_cart_shows_what_it_holds_and_until_when()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-south", sku, 10);
        var cartId = await CartRequests.Open(app.Customer);

        var before = DateTimeOffset.UtcNow;
        using var added = await CartRequests.Put(app.Customer, cartId, sku, 8);
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));

        var cart = await Json.Ok(added);
        var heldUntil = DateTimeOffset.Parse(Json.Text(cart["heldUntil"]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(heldUntil, before.AddMinutes(15), DateTimeOffset.UtcNow.AddMinutes(15));
        var line = Assert.Single(Json.Array(cart["lines"]))!;

        // Half of the 10 units: the rest stays for orders.
        Assert.Equal((8, 5), (Json.Number(line["quantity"]), Json.Number(line["held"])));
        Assert.Equal(Json.Text(cart["heldUntil"]), Json.Text((await Json.Ok(read))["heldUntil"]));
        var stock = await app.Stock("uk-south", sku);
        Assert.Equal((5, 5), (Json.Number(stock["reserved"]), Json.Number(stock["available"])));
    }

    [Fact]
    public async Task An_empty_cart_holds_nothing()
    {
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{await CartRequests.Open(app.Customer)}", UriKind.Relative));

        Assert.Null((await Json.Ok(read))["heldUntil"]);
    }

    [Fact]
    public async Task A_flood_of_carts_each_asking_for_ten_thousand_leaves_a_real_order_reserved()
    {
        // Issue 15, row 1: PUT /api/carts/{cart}/items/HOLD1 {"quantity":10000} from many carts held the whole shelf.
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 20);
        var carts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => CartRequests.Open(app.Customer)));

        var answers = await Task.WhenAll(carts.Select(async cartId =>
        {
            using var put = await CartRequests.Put(app.Customer, cartId, sku, 10_000);
            return await Json.Ok(put);
        }));
        var heldByCarts = answers.Sum(cart => Json.Number(Assert.Single(Json.Array(cart["lines"]))!["held"]));
        var stock = await app.Stock("uk-north", sku);

        Assert.Equal(10, heldByCarts);
        Assert.Equal((10, 10), (Json.Number(stock["reserved"]), Json.Number(stock["available"])));

        var order = await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 10)));

        Assert.Equal("Reserved", Json.Text(order["status"]));
        Assert.Equal(10, Json.Number(Assert.Single(Json.Array(order["lines"]))!["reservedQuantity"]));
    }
}