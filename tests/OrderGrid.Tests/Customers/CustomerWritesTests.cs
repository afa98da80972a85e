using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using Npgsql;

namespace OrderGrid.Tests.Customers;

/// <summary>
/// On real PostgreSQL: the customer grain writes its row for its first order and when contacts change, not for
/// every order; the "new customer" rule fact still holds for the first order only; the customer's order ids come
/// from the read model.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class CustomerWritesTests
{
    [Fact]
    public async Task A_second_order_with_the_same_contacts_writes_nothing_to_the_customer_and_only_the_first_is_a_new_customers()
    {
        var server = await PostgresServer.Shared;
        await using var app = await new PostgresApp(await server.CreateDatabaseAsync("customer_writes")).StartedAsync();
        var sku = await ApiCalls.Product(app.Ops, "uk-north", 10);
        using (var rule = await app.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/rules")
        {
            Content = new StringContent(
                $$"""{"name":"welcome","priority":50,"conditions":{"skus":["{{sku}}"],"newCustomer":true},"actions":[{"kind":"priority","level":"express"}]}""",
                Encoding.UTF8,
                "application/json"),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        }

        var customerId = ApiCalls.Unique("customer");
        var first = await Place(app.Ops, customerId, sku, "ada@example.com");
        var afterFirst = await Version(app, customerId);
        var second = await Place(app.Ops, customerId, sku, "ada@example.com");
        var afterSecond = await Version(app, customerId);
        var third = await Place(app.Ops, customerId, sku, "ada@new.example.com");
        var afterThird = await Version(app, customerId);

        Assert.Equal((1, 1, 2), (afterFirst, afterSecond, afterThird));
        Assert.Equal(["Express", "Normal", "Normal"], new[] { first, second, third }.Select(o => ApiCalls.Text(o["priority"])));
        var ids = new[] { first, second, third }.Select(o => ApiCalls.Text(o["id"])).ToArray();
        var customer = await ApiCalls.Eventually(
            () => ApiCalls.Get(app.Ops, $"/api/customers/{customerId}"), c => ApiCalls.Array(c["orderIds"]).Count == 3, "the customer's three orders");
        Assert.Equal(ids, ApiCalls.Array(customer["orderIds"]).Select(ApiCalls.Text));
        Assert.Equal("ada@new.example.com", ApiCalls.Text(customer["email"]));
    }

    private static async Task<JsonObject> Place(HttpClient ops, string customerId, string sku, string email)
    {
        using var response = await ops.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            email,
            channel = "phone",
            lines = new[] { new { sku, quantity = 1 } },
            shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>The version of the customer's stored state: how many times it was written.</summary>
    private static async Task<int> Version(PostgresApp app, string customerId)
    {
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT version FROM ordergrid_grain_state WHERE state_name = 'customer' AND grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        return (int)(await command.ExecuteScalarAsync() ?? 0);
    }
}