using System.Net;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class TrackingTokenTests(OrderGridApp app)
{
    [Fact]
    public async Task A_tracking_token_carries_at_least_128_random_bits_and_differs_per_order()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);

        var first = Json.Text((await app.PlaceOrder((sku, 1)))["trackingToken"]);
        var second = Json.Text((await app.PlaceOrder((sku, 1)))["trackingToken"]);

        Assert.True(Decode(first).Length * 8 >= 128, $"{first} has {Decode(first).Length * 8} bits");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_customer_token_opens_only_its_own_order()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 2);
        var mine = await app.PlaceOrder((sku, 1));
        var theirs = await app.PlaceOrder((sku, 1));
        var myToken = Uri.EscapeDataString(Json.Text(mine["trackingToken"]));

        using var own = await app.Customer.GetAsync(new Uri($"/api/track/{Json.Text(mine["id"])}?token={myToken}", UriKind.Relative));
        using var other = await app.Customer.GetAsync(new Uri($"/api/track/{Json.Text(theirs["id"])}?token={myToken}", UriKind.Relative));
        using var otherAfterSales = await app.Customer.GetAsync(new Uri($"/api/track/{Json.Text(theirs["id"])}/after-sales?token={myToken}", UriKind.Relative));

        Assert.Equal(Json.Text(mine["id"]), Json.Text((await Json.Ok(own))["id"]));
        await Json.Problem(other, HttpStatusCode.NotFound);
        await Json.Problem(otherAfterSales, HttpStatusCode.NotFound);
    }

    private static byte[] Decode(string token) => Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/'));
}