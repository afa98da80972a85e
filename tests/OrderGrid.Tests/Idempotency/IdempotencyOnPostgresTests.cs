using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Idempotency;

/// <summary>Retries under one Idempotency-Key on real PostgreSQL storage: one durable order, identical answers.</summary>
[Trait(Lane.Name, Lane.System)]
public sealed class IdempotencyOnPostgresTests
{
    [Fact]
    public async Task A_hundred_concurrent_orders_with_one_key_place_one_order_and_a_changed_body_is_unprocessable()
    {
        var server = await PostgresServer.Shared;
        await using var app = await new PostgresApp(await server.CreateDatabaseAsync("idempotency")).StartedAsync();
        var ops = app.Ops;
        var sku = await ApiCalls.Product(ops, "uk-north", 500);
        var customerId = ApiCalls.Unique("customer");
        var key = ApiCalls.Unique("key");

        var answers = await OneKeyRace.Send(app.CreateClient(), "/api/orders", Body(customerId, sku, 3), key);
        using var changed = await app.CreateClient().SendAsync(OneKeyRace.Request("/api/orders", Body(customerId, sku, 4), key));

        OneKeyRace.AssertAlike(answers);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("order.idempotency-key-reused", ApiCalls.Text(JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["code"]));
        Assert.Equal(3, ApiCalls.Number((await ApiCalls.Stock(ops, "uk-north", sku))["reserved"]));
        // Placed without a customer token, it is a guest's order: the named customer is not its customer.
        var guest = ApiCalls.Text(JsonNode.Parse(answers[0].Body)!["customerId"]);
        Assert.StartsWith("guest-", guest, StringComparison.Ordinal);
        var customer = await ApiCalls.Eventually(
            () => ApiCalls.Get(ops, $"/api/customers/{guest}"), c => ApiCalls.Array(c["orderIds"]).Count >= 1, "the guest's order");
        Assert.Single(ApiCalls.Array(customer["orderIds"]));
        var list = await ApiCalls.Eventually(
            () => ApiCalls.Get(ops, $"/api/orders?customerId={guest}"), page => ApiCalls.Number(page["total"]) >= 1, "the order in the list");
        Assert.Equal(1, ApiCalls.Number(list["total"]));
    }

    private static string Body(string customerId, string sku, int quantity) => JsonSerializer.Serialize(new
    {
        customerId,
        email = $"{customerId}@example.com",
        channel = "web",
        lines = new[] { new { sku, quantity } },
        shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
    });
}