using System.Net;
using System.Security.Cryptography;

namespace OrderGrid.Tests.Carts;

/// <summary>Issue 15, rows 2 and 11: a cart opens only with its server-issued id, and a customer's only with their token too.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CartAccessTests(OrderGridApp app)
{
    [Fact]
    public async Task A_cart_id_the_server_did_not_issue_is_not_found_and_activates_no_cart()
    {
        var sku = await app.NewProduct();
        var genuine = await CartRequests.Open(app.Customer);
        (await CartRequests.Put(app.Customer, genuine, sku, 1)).Dispose();
        var tampered = genuine[..^2] + (genuine[^2] == 'A' ? "B" : "A") + genuine[^1];
        var made = Enumerable.Range(0, 200).Select(_ => Base64Url(RandomNumberGenerator.GetBytes(32))).Append(tampered).Append("17841").ToArray();

        foreach (var cartId in made)
        {
            using var read = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));
            using var put = await CartRequests.Put(app.Customer, cartId, sku, 1);
            using var checkout = await app.Customer.SendAsync(CartRequests.Checkout(cartId, OrderGridApp.Unique("key")));
            using var offers = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}/recommendations", UriKind.Relative));
            foreach (var answer in new[] { read, put, checkout, offers })
            {
                Assert.Equal("cart.not-found", Json.Text((await Json.Problem(answer, HttpStatusCode.NotFound))["code"]));
            }
        }

        var active = await app.ActiveGrains("cart");
        var probed = made.ToHashSet(StringComparer.Ordinal);
        Assert.Contains(genuine, active);
        Assert.DoesNotContain(active, probed.Contains);
    }

    [Fact]
    public async Task A_customers_cart_is_unreadable_and_unchangeable_without_their_token_even_with_its_id()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var alice = OrderGridApp.Unique("alice");
        using var aliceClient = app.SignedIn(alice);
        using var bobClient = app.SignedIn(OrderGridApp.Unique("bob"));
        var cartId = await CartRequests.Open(aliceClient);
        (await CartRequests.Put(aliceClient, cartId, sku, 2)).Dispose();

        var path = $"/api/carts/{cartId}";
        foreach (var stranger in new[] { app.Customer, bobClient })
        {
            var expected = stranger == app.Customer ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound;
            using var read = await stranger.GetAsync(new Uri(path, UriKind.Relative));
            using var put = await CartRequests.Put(stranger, cartId, sku, 5);
            using var checkout = await stranger.SendAsync(CartRequests.Checkout(cartId, OrderGridApp.Unique("key")));
            using var offers = await stranger.GetAsync(new Uri($"{path}/recommendations", UriKind.Relative));
            foreach (var answer in new[] { read, put, checkout, offers })
            {
                await Json.Problem(answer, expected);
            }
        }

        using var own = await aliceClient.GetAsync(new Uri(path, UriKind.Relative));
        using var staff = await app.Ops.GetAsync(new Uri(path, UriKind.Relative));
        var cart = await Json.Ok(own);
        Assert.Equal((alice, 2), (Json.Text(cart["customerId"]), Json.Number(Assert.Single(Json.Array(cart["lines"]))!["quantity"])));
        Assert.Equal(alice, Json.Text((await Json.Ok(staff))["customerId"]));
        Assert.Equal(2, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task A_customers_checkout_places_their_own_order_and_a_guest_cart_tells_no_segment()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var alice = OrderGridApp.Unique("alice");
        using var aliceClient = app.SignedIn(alice);
        var cartId = await CartRequests.Open(aliceClient);
        (await CartRequests.Put(aliceClient, cartId, sku, 1)).Dispose();
        var guestCart = await CartRequests.Open(app.Customer);
        (await CartRequests.Put(app.Customer, guestCart, sku, 1)).Dispose();

        using var checkout = await aliceClient.SendAsync(CartRequests.Checkout(cartId, OrderGridApp.Unique("key"), email: "alice@example.com"));
        using var guestOffers = await app.Customer.GetAsync(new Uri($"/api/carts/{guestCart}/recommendations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        Assert.Equal(alice, Json.Text((await Json.Read(checkout))["customerId"]));
        var offers = await Json.Ok(guestOffers);
        Assert.Null(offers["segment"]);
        Assert.Empty(Json.Array(offers["promotions"]));
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}