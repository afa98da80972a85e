using System.Net.Http.Json;

using OrderGrid.Tests.Http;

namespace OrderGrid.Tests.Scheduling;

[Collection(SharedHost.Name)]
public sealed class CartHoldEndpointTests(OrderGridApp app)
{
    [Fact]
    public async Task The_cart_shows_what_it_holds_and_until_when()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-south", sku, 3);
        var customerId = OrderGridApp.Unique("customer");

        var before = DateTimeOffset.UtcNow;
        using var added = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{sku}", new { quantity = 5 });
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{customerId}", UriKind.Relative));

        var cart = await Json.Ok(added);
        var heldUntil = DateTimeOffset.Parse(Json.Text(cart["heldUntil"]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(heldUntil, before.AddMinutes(15), DateTimeOffset.UtcNow.AddMinutes(15));
        var line = Assert.Single(Json.Array(cart["lines"]))!;
        Assert.Equal((5, 3), (Json.Number(line["quantity"]), Json.Number(line["held"])));
        Assert.Equal(Json.Text(cart["heldUntil"]), Json.Text((await Json.Ok(read))["heldUntil"]));
        Assert.Equal((3, 0), (Json.Number((await app.Stock("uk-south", sku))["reserved"]), Json.Number((await app.Stock("uk-south", sku))["available"])));
    }

    [Fact]
    public async Task An_empty_cart_holds_nothing()
    {
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{OrderGridApp.Unique("customer")}", UriKind.Relative));

        Assert.Null((await Json.Ok(read))["heldUntil"]);
    }
}