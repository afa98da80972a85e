using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Customers;

/// <summary>Issue 15, row 4 and its cause: typing a customer id proves nothing; a customer token or a staff key does.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class CustomerIdentityTests(OrderGridApp app)
{
    [Fact]
    public async Task An_anonymous_order_naming_another_customer_is_a_guests_and_leaves_their_contacts_and_orders_alone()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var alice = OrderGridApp.Unique("alice");
        var aliceOrder = await OrderGridApp.PlaceOrder(app.Ops, new
        {
            customerId = alice,
            email = "alice@example.com",
            phone = "+44 20 7946 0000",
            channel = "phone",
            lines = new[] { new { sku, quantity = 1 } },
            shipTo = OrderRequests.ShipTo,
        });
        var before = await Customer(alice);

        var attack = await OrderGridApp.PlaceOrder(app.Customer, new
        {
            customerId = alice,
            email = "mallory@example.com",
            phone = "+44 20 7946 0999",
            channel = "web",
            lines = new[] { new { sku, quantity = 1 } },
            shipTo = OrderRequests.ShipTo,
        });
        var attackId = Json.Text(attack["id"]);
        using var cancelled = await app.Customer.PostAsJsonAsync(
            $"/api/orders/{attackId}/cancel?token={Uri.EscapeDataString(Json.Text(attack["trackingToken"]))}", new { reason = "changed my mind" });
        await Json.Ok(cancelled);

        // The order keeps the contacts it was placed with, under a guest of its own.
        Assert.Equal(($"guest-{attackId}", "mallory@example.com"), (Json.Text(attack["customerId"]), Json.Text(attack["email"])));
        var after = await Customer(alice);
        Assert.Equal(("alice@example.com", "+44 20 7946 0000"), (Json.Text(after["email"]), Json.Text(after["phone"])));
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(alice, Json.Text(aliceOrder["customerId"]));
    }

    [Fact]
    public async Task A_signed_in_customer_orders_as_themself_and_never_as_another()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var alice = OrderGridApp.Unique("alice");
        using var client = app.SignedIn(alice);

        var own = await OrderGridApp.PlaceOrder(client, new { email = "alice@example.com", channel = "web", lines = new[] { new { sku, quantity = 1 } }, shipTo = OrderRequests.ShipTo });
        using var other = await client.SendAsync(OrderRequests.Post(OrderRequests.Body(OrderGridApp.Unique("bob"), "web", (sku, 1))));

        Assert.Equal(alice, Json.Text(own["customerId"]));
        Assert.Equal("customer.not-yours", Json.Text((await Json.Problem(other, HttpStatusCode.Forbidden))["code"]));
        // Alice's record exists now (her orders are listed by the read model, which these in-memory tests have not).
        Assert.Equal("alice@example.com", Json.Text((await Customer(alice))["email"]));
        Assert.Equal(1, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
    }

    [Fact]
    public async Task A_customers_details_open_to_their_token_and_staff_only_and_they_may_change_them()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 10);
        var alice = OrderGridApp.Unique("alice");
        using var aliceClient = app.SignedIn(alice);
        using var bobClient = app.SignedIn(OrderGridApp.Unique("bob"));
        await OrderGridApp.PlaceOrder(aliceClient, OrderRequests.Body(alice, "web", (sku, 1)));
        var path = new Uri($"/api/customers/{alice}", UriKind.Relative);

        using var anonymous = await app.Customer.GetAsync(path);
        using var bob = await bobClient.GetAsync(path);
        using var bobChanges = await bobClient.PutAsJsonAsync($"/api/customers/{alice}/contacts", new { email = "bob@example.com" });
        using var anonymousChanges = await app.Customer.PutAsJsonAsync($"/api/customers/{alice}/contacts", new { email = "anon@example.com" });
        using var planner = await app.Planner.PutAsJsonAsync($"/api/customers/{alice}/contacts", new { email = "planner@example.com" });
        using var changed = await aliceClient.PutAsJsonAsync($"/api/customers/{alice}/contacts", new { email = "alice@new.example.com" });
        using var forged = app.WithKey(OrderGridApp.CustomerToken(app.Services, alice)[..^3] + "AAA");
        using var forgedRead = await forged.GetAsync(path);

        await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        await Json.Problem(anonymousChanges, HttpStatusCode.Unauthorized);
        await Json.Problem(forgedRead, HttpStatusCode.Unauthorized);
        Assert.Equal("customer.not-yours", Json.Text((await Json.Problem(bob, HttpStatusCode.Forbidden))["code"]));
        await Json.Problem(bobChanges, HttpStatusCode.Forbidden);
        await Json.Problem(planner, HttpStatusCode.Forbidden);
        Assert.Equal("alice@new.example.com", Json.Text((await Json.Ok(changed))["email"]));
        Assert.Equal("alice@new.example.com", Json.Text((await Customer(alice))["email"]));
    }

    [Fact]
    public async Task A_customer_token_is_no_staff_key()
    {
        using var client = app.SignedIn(OrderGridApp.Unique("alice"));

        using var orders = await client.GetAsync(new Uri("/api/review-queue", UriKind.Relative));
        using var stock = await client.GetAsync(new Uri("/api/stock/uk-north/85123A", UriKind.Relative));

        await Json.Problem(orders, HttpStatusCode.Forbidden);
        await Json.Problem(stock, HttpStatusCode.Forbidden);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Customer(string customerId)
    {
        using var response = await app.Ops.GetAsync(new Uri($"/api/customers/{customerId}", UriKind.Relative));
        return await Json.Ok(response);
    }
}