using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SecurityHost.Name)]
public sealed class RateLimitTests(SecurityApp app)
{
    [Fact]
    public async Task A_client_placing_too_many_orders_is_told_to_retry_later_while_others_still_place()
    {
        var sku = await app.NewProductInStock();
        var address = SecurityApp.NewAddress();
        using var busy = app.FromAddress(address);
        for (var i = 0; i < SecurityApp.PlacementLimit; i++)
        {
            await OrderGridApp.PlaceOrder(busy, Order(sku));
        }

        using var refused = await busy.SendAsync(OrderRequests.Post(Order(sku)));

        var problem = await Json.Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("request.rate-limited", Json.Text(problem["code"]));
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);

        using var other = app.FromAddress();
        await OrderGridApp.PlaceOrder(other, Order(sku));
        using var staffFromTheSameAddress = app.WithKey(OrderGridApp.OpsKey, address);
        await OrderGridApp.PlaceOrder(staffFromTheSameAddress, Order(sku));
    }

    [Fact]
    public async Task Tracking_reads_are_limited_per_client_and_the_limit_answers_a_problem()
    {
        var sku = await app.NewProductInStock();
        using var customer = app.FromAddress();
        var order = await OrderGridApp.PlaceOrder(customer, Order(sku));
        var path = new Uri($"/api/track/{Json.Text(order["id"])}?token={Uri.EscapeDataString(Json.Text(order["trackingToken"]))}", UriKind.Relative);
        using var reader = app.FromAddress();
        for (var i = 0; i < SecurityApp.TrackingLimit; i++)
        {
            using var read = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var refused = await reader.GetAsync(path);
        using var afterSales = await reader.GetAsync(new Uri($"/api/track/{Json.Text(order["id"])}/after-sales", UriKind.Relative));

        await Json.Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        await Json.Problem(afterSales, HttpStatusCode.TooManyRequests);
        using var other = app.FromAddress();
        using var otherRead = await other.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, otherRead.StatusCode);
    }

    [Fact]
    public async Task Endpoints_other_than_placement_and_tracking_are_not_limited()
    {
        using var ops = app.WithKey(OrderGridApp.OpsKey);
        for (var i = 0; i < (SecurityApp.TrackingLimit * 2) + 1; i++)
        {
            using var response = await ops.GetAsync(new Uri("/api/warehouses", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Cart_writes_are_limited_per_client_whatever_the_spelling_of_the_route()
    {
        var sku = await app.NewProductInStock();
        using var busy = app.FromAddress();
        var cartId = await CartRequests.Open(busy);
        string[] spellings =
        [
            $"/api/carts/{cartId}/items/{sku}",
            $"/api/carts/{cartId}/items/{sku}/",
            $"/API/Carts/{cartId}/ITEMS/{sku}",
            $"/api/carts/{cartId}/%69tems/{sku}",
        ];
        foreach (var path in spellings)
        {
            using var put = await busy.PutAsJsonAsync(path, new { quantity = 1 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var refusedPut = await busy.PutAsJsonAsync($"/api/carts/{cartId}/items/{sku}/", new { quantity = 2 });
        using var refusedOpen = await busy.PostAsync(new Uri("/API/CARTS/", UriKind.Relative), content: null);

        Assert.Equal("request.rate-limited", Json.Text((await Json.Problem(refusedPut, HttpStatusCode.TooManyRequests))["code"]));
        await Json.Problem(refusedOpen, HttpStatusCode.TooManyRequests);
        using var other = app.FromAddress();
        await CartRequests.Open(other);
    }

    [Fact]
    public async Task Cart_checkouts_count_as_placements_whatever_the_spelling_of_the_route()
    {
        // Issue 15, row 3: POST /api/carts/x-N/checkout/ placed orders while /api/orders answered 429.
        var sku = await app.NewProductInStock();
        var address = SecurityApp.NewAddress();
        using var busy = app.FromAddress(address);
        for (var i = 0; i < SecurityApp.PlacementLimit; i++)
        {
            await OrderGridApp.PlaceOrder(busy, Order(sku));
        }

        using var shopper = app.FromAddress();
        var cartId = await CartRequests.Open(shopper);
        (await CartRequests.Put(shopper, cartId, sku, 1)).Dispose();
        foreach (var path in new[] { $"/api/carts/{cartId}/checkout/", $"/api/CARTS/{cartId}/Checkout", $"/api/carts/{cartId}/%63heckout" })
        {
            using var request = CartRequests.Checkout(cartId, OrderGridApp.Unique("key"));
            request.RequestUri = new Uri(path, UriKind.Relative);
            using var refused = await busy.SendAsync(request);
            await Json.Problem(refused, HttpStatusCode.TooManyRequests);
        }

        using var cart = await shopper.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));
        Assert.Single(Json.Array((await Json.Ok(cart))["lines"]));
    }

    [Fact]
    public async Task Sign_in_requests_are_limited_per_client_and_a_customer_token_passes_no_limit()
    {
        using var guesser = app.FromAddress();
        for (var i = 0; i < SecurityApp.SignInLimit; i++)
        {
            using var guess = await guesser.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = "alice", code = $"{i:D8}" });
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var refused = await guesser.PostAsJsonAsync("/api/customers/sign-in/token/", new { customerId = "alice", code = "99999999" });
        await Json.Problem(refused, HttpStatusCode.TooManyRequests);

        using var customer = app.WithKey(OrderGridApp.CustomerToken(app.Services, OrderGridApp.Unique("alice")));
        for (var i = 0; i < SecurityApp.CartLimit; i++)
        {
            await CartRequests.Open(customer);
        }

        using var limited = await customer.PostAsync(new Uri("/api/carts", UriKind.Relative), content: null);
        await Json.Problem(limited, HttpStatusCode.TooManyRequests);
    }

    private static object Order(string sku) => OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1));
}