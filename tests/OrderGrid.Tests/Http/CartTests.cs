using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Http;

[Collection(SharedHost.Name)]
public sealed class CartTests(OrderGridApp app)
{
    [Fact]
    public async Task A_filled_cart_checks_out_as_one_order_and_a_replay_answers_the_same_order()
    {
        var mug = await app.NewProduct(4m);
        var towel = await app.NewProduct(2.5m);
        await app.Receive("uk-north", mug, 5);
        await app.Receive("uk-north", towel, 5);
        var customerId = OrderGridApp.Unique("customer");

        using var addMug = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{mug}", new { quantity = 2 });
        using var addTowel = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{towel}", new { quantity = 3 });
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{customerId}", UriKind.Relative));

        await Json.Ok(addMug);
        var cart = await Json.Ok(addTowel);
        Assert.Equal(15.5m, Json.Amount(cart["total"]));
        var lines = Json.Array((await Json.Ok(read))["lines"]);
        Assert.Equal([(mug, 2, 4m), (towel, 3, 2.5m)], lines.Select(l => (Json.Text(l!["sku"]), Json.Number(l["quantity"]), Json.Amount(l["unitPrice"]))).OrderBy(l => l.Item1 == mug ? 0 : 1));

        var key = OrderGridApp.Unique("checkout");
        using var checkout = await app.Customer.SendAsync(Checkout(customerId, key));
        using var replay = await app.Customer.SendAsync(Checkout(customerId, key));
        using var emptied = await app.Customer.GetAsync(new Uri($"/api/carts/{customerId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var order = await Json.Read(checkout);
        var id = Json.Text(order["id"]);
        Assert.Equal($"/api/orders/{id}", checkout.Headers.Location?.OriginalString);
        Assert.Equal(("Reserved", "web", customerId, 15.5m), (Json.Text(order["status"]), Json.Text(order["channel"]), Json.Text(order["customerId"]), Json.Amount(order["total"])));
        Assert.Equal(2, Json.Array(order["lines"]).Count);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(id, Json.Text((await Json.Read(replay))["id"]));
        Assert.Empty(Json.Array((await Json.Ok(emptied))["lines"]));
        Assert.Equal(2, Json.Number((await app.Stock("uk-north", mug))["reserved"]));
    }

    [Fact]
    public async Task Setting_a_quantity_of_zero_takes_the_product_out_of_the_cart()
    {
        var sku = await app.NewProduct();
        var customerId = OrderGridApp.Unique("customer");
        (await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{sku}", new { quantity = 2 })).Dispose();

        using var removed = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{sku}", new { quantity = 0 });

        var cart = await Json.Ok(removed);
        Assert.Empty(Json.Array(cart["lines"]));
        Assert.Equal(0m, Json.Amount(cart["total"]));
    }

    [Fact]
    public async Task An_unknown_product_or_a_bad_quantity_does_not_go_into_the_cart()
    {
        var sku = await app.NewProduct();
        var customerId = OrderGridApp.Unique("customer");

        using var unknown = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{OrderGridApp.Unique("nosuch")}", new { quantity = 1 });
        using var tooMany = await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{sku}", new { quantity = 10_001 });

        await Json.Problem(unknown, HttpStatusCode.NotFound);
        await Json.Invalid(tooMany, "quantity");
    }

    [Fact]
    public async Task Checking_out_an_empty_cart_is_a_conflict()
    {
        using var response = await app.Customer.SendAsync(Checkout(OrderGridApp.Unique("customer"), OrderGridApp.Unique("checkout")));

        await Json.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Checkout_is_only_for_the_web_and_app_channels()
    {
        var sku = await app.NewProduct();
        var customerId = OrderGridApp.Unique("customer");
        (await app.Customer.PutAsJsonAsync($"/api/carts/{customerId}/items/{sku}", new { quantity = 1 })).Dispose();

        using var response = await app.Customer.PostAsJsonAsync($"/api/carts/{customerId}/checkout", new { channel = "phone", email = "a@example.com", shipTo = Orders.ShipTo });

        await Json.Invalid(response, "channel");
    }

    private static HttpRequestMessage Checkout(string customerId, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{customerId}/checkout")
        {
            Content = JsonContent.Create(new { channel = "web", email = $"{customerId}@example.com", shipTo = Orders.ShipTo }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}