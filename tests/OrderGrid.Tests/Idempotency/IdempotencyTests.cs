using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Customers;

namespace OrderGrid.Tests.Idempotency;

/// <summary>Retries under one Idempotency-Key on the in-memory host: one order, identical answers; a changed request under it is refused.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class IdempotencyTests(OrderGridApp app)
{
    [Fact]
    public async Task A_hundred_concurrent_orders_with_one_key_place_one_order_and_answer_alike()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 500);
        var customerId = OrderGridApp.Unique("customer");
        var json = JsonSerializer.Serialize(OrderRequests.Body(customerId, "web", (sku, 3)));

        var answers = await OneKeyRace.Send(app.Customer, "/api/orders", json, OrderGridApp.Unique("key"));

        OneKeyRace.AssertAlike(answers);
        await AssertOneOrder(CustomerOf(answers[0]), OrderOf(answers[0]), sku, reserved: 3);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_unprocessable_and_changes_nothing()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 50);
        var customerId = OrderGridApp.Unique("customer");
        var key = OrderGridApp.Unique("key");
        var placed = await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(customerId, "web", (sku, 2)), key);

        using var moreUnits = await app.Customer.SendAsync(OrderRequests.Post(OrderRequests.Body(customerId, "web", (sku, 5)), key));
        using var otherChannel = await app.Customer.SendAsync(OrderRequests.Post(OrderRequests.Body(customerId, "app", (sku, 2)), key));

        foreach (var refused in new[] { moreUnits, otherChannel })
        {
            Assert.Equal("order.idempotency-key-reused", Json.Text((await Json.Problem(refused, HttpStatusCode.UnprocessableEntity))["code"]));
        }

        var order = await app.Order(Json.Text(placed["id"]));
        Assert.Equal(2, Json.Number(Json.Array(order["lines"])[0]!["quantity"]));
        await AssertOneOrder(Json.Text(placed["customerId"]), Json.Text(placed["id"]), sku, reserved: 2);
    }

    [Fact]
    public async Task A_hundred_concurrent_checkouts_with_one_key_place_one_order_and_answer_alike()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 50);
        var cartId = await CartRequests.Open(app.Customer);
        (await CartRequests.Put(app.Customer, cartId, sku, 4)).Dispose();
        var json = JsonSerializer.Serialize(new { channel = "web", email = "shopper@example.com", shipTo = OrderRequests.ShipTo });

        var answers = await OneKeyRace.Send(app.Customer, $"/api/carts/{cartId}/checkout", json, OrderGridApp.Unique("key"));

        OneKeyRace.AssertAlike(answers);
        await AssertOneOrder(CustomerOf(answers[0]), OrderOf(answers[0]), sku, reserved: 4);
    }

    [Fact]
    public async Task A_checkout_key_reused_for_a_new_cart_is_unprocessable_and_the_cart_stays()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 50);
        var cartId = await CartRequests.Open(app.Customer);
        var key = OrderGridApp.Unique("key");
        var json = JsonSerializer.Serialize(new { channel = "web", email = "shopper@example.com", shipTo = OrderRequests.ShipTo });
        (await CartRequests.Put(app.Customer, cartId, sku, 1)).Dispose();
        string customerId, orderId;
        using (var first = await app.Customer.SendAsync(OneKeyRace.Request($"/api/carts/{cartId}/checkout", json, key)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var placed = await Json.Read(first);
            (customerId, orderId) = (Json.Text(placed["customerId"]), Json.Text(placed["id"]));
        }

        (await CartRequests.Put(app.Customer, cartId, sku, 6)).Dispose();
        var reservedBefore = Json.Number((await app.Stock("uk-north", sku))["reserved"]);
        using var reused = await app.Customer.SendAsync(OneKeyRace.Request($"/api/carts/{cartId}/checkout", json, key));

        Assert.Equal("order.idempotency-key-reused", Json.Text((await Json.Problem(reused, HttpStatusCode.UnprocessableEntity))["code"]));
        using var cart = await app.Customer.GetAsync(new Uri($"/api/carts/{cartId}", UriKind.Relative));
        Assert.Equal(6, Json.Number(Json.Array((await Json.Ok(cart))["lines"])[0]!["quantity"]));
        await AssertOneOrder(customerId, orderId, sku, reservedBefore);
    }

    [Fact]
    public async Task A_stock_receipt_retried_with_one_key_counts_once_whatever_the_retry_says()
    {
        var sku = await app.NewProduct();
        var key = OrderGridApp.Unique("key");
        var json = JsonSerializer.Serialize(new { quantity = 7, reason = "delivery" });

        var answers = await OneKeyRace.Send(app.Ops, $"/api/stock/uk-north/{sku}/receipts", json, key);
        using var changed = await app.Ops.SendAsync(OneKeyRace.Request($"/api/stock/uk-north/{sku}/receipts", JsonSerializer.Serialize(new { quantity = 9, reason = "delivery" }), key));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(7, Json.Number((await app.Stock("uk-north", sku))["onHand"]));
    }

    private static string CustomerOf(OneKeyRace.Answer answer) => Json.Text(System.Text.Json.Nodes.JsonNode.Parse(answer.Body)!["customerId"]);

    private static string OrderOf(OneKeyRace.Answer answer) => Json.Text(System.Text.Json.Nodes.JsonNode.Parse(answer.Body)!["id"]);

    // The in-memory host has no order list (a PostgreSQL read model): one order is the stock reserved once and the
    // customer's record naming the answered order as its first (a second order would have reserved again).
    private async Task AssertOneOrder(string customerId, string orderId, string sku, int reserved)
    {
        Assert.Equal(reserved, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
        var customer = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICustomerGrain>(customerId).Get();
        Assert.Equal(orderId, customer.FirstOrderId);
    }
}