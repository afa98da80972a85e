using System.Net;

namespace OrderGrid.Tests.Carts;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CartHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task A_filled_cart_checks_out_as_one_guest_order_and_a_replay_answers_the_same_order()
    {
        var mug = await app.NewProduct(4m);
        var towel = await app.NewProduct(2.5m);
        await app.Receive("uk-north", mug, 5);
        await app.Receive("uk-north", towel, 5);
        var cartId = await CartRequests.Open(app.Customer);

        using var addMug = await CartRequests.Put(app.Customer, cartId, mug, 2);
        using var addTowel = await CartRequests.Put(app.Customer, cartId, towel, 3);
        using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));

        await Json.Ok(addMug);
        var cart = await Json.Ok(addTowel);
        Assert.Equal(15.5m, Json.Amount(cart["total"]));
        var view = await Json.Ok(read);
        Assert.Equal((cartId, null), (Json.Text(view["id"]), view["customerId"]?.ToString()));
        var lines = Json.Array(view["lines"]);
        Assert.Equal([(mug, 2, 4m), (towel, 3, 2.5m)], lines.Select(l => (Json.Text(l!["sku"]), Json.Number(l["quantity"]), Json.Amount(l["unitPrice"]))).OrderBy(l => l.Item1 == mug ? 0 : 1));

        var key = OrderGridApp.Unique("checkout");
        using var checkout = await app.Customer.SendAsync(CartRequests.Checkout(cartId, key));
        using var replay = await app.Customer.SendAsync(CartRequests.Checkout(cartId, key));
        using var emptied = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var order = await Json.Read(checkout);
        var id = Json.Text(order["id"]);
        Assert.Equal($"/api/orders/{id}", checkout.Headers.Location?.OriginalString);
        Assert.Equal(("Reserved", "web", $"guest-{id}", 15.5m), (Json.Text(order["status"]), Json.Text(order["channel"]), Json.Text(order["customerId"]), Json.Amount(order["total"])));
        Assert.Equal(2, Json.Array(order["lines"]).Count);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(id, Json.Text((await Json.Read(replay))["id"]));
        Assert.Empty(Json.Array((await Json.Ok(emptied))["lines"]));
        Assert.Equal(2, Json.Number((await app.Stock("uk-north", mug))["reserved"]));
    }

    [Fact]
    public async Task Every_new_cart_gets_an_id_of_its_own_that_is_long_and_unguessable()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CartRequests.Open(app.Customer)));

        Assert.Equal(20, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{43}$", id));
    }

    [Fact]
    public async Task Setting_a_quantity_of_zero_takes_the_product_out_of_the_cart()
    {
        var sku = await app.NewProduct();
        var cartId = await CartRequests.Open(app.Customer);
        (await CartRequests.Put(app.Customer, cartId, sku, 2)).Dispose();

        using var removed = await CartRequests.Put(app.Customer, cartId, sku, 0);

        var cart = await Json.Ok(removed);
        Assert.Empty(Json.Array(cart["lines"]));
        Assert.Equal(0m, Json.Amount(cart["total"]));
    }

    [Fact]
    public async Task An_unknown_product_or_a_bad_quantity_does_not_go_into_the_cart()
    {
        var sku = await app.NewProduct();
        var cartId = await CartRequests.Open(app.Customer);

        using var unknown = await CartRequests.Put(app.Customer, cartId, OrderGridApp.Unique("nosuch"), 1);
        using var tooMany = await CartRequests.Put(app.Customer, cartId, sku, 10_001);

        await Json.Problem(unknown, HttpStatusCode.NotFound);
        await Json.Invalid(tooMany, "quantity");
    }

    [Fact]
    public async Task Checking_out_an_empty_cart_is_a_conflict()
    {
        using var response = await app.Customer.SendAsync(CartRequests.Checkout(await CartRequests.Open(app.Customer), OrderGridApp.Unique("checkout")));

        await Json.Problem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Checkout_is_only_for_the_web_and_app_channels()
    {
        var sku = await app.NewProduct();
        var cartId = await CartRequests.Open(app.Customer);
        (await CartRequests.Put(app.Customer, cartId, sku, 1)).Dispose();

        using var response = await app.Customer.SendAsync(CartRequests.Checkout(cartId, OrderGridApp.Unique("checkout"), channel: "phone"));

        await Json.Invalid(response, "channel");
    }
}