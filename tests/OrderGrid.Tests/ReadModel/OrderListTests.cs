using System.Net;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.ReadModel;

/// <summary><c>GET /api/orders</c> and <c>GET /api/orders/{id}/timeline</c> from the read model of a real host.</summary>
[Trait(Lane.Name, Lane.System)]
public sealed class OrderListTests(ReadModelHost host) : IClassFixture<ReadModelHost>
{
    [Fact]
    public async Task Filters_paging_sorting_and_free_text_find_the_right_orders()
    {
        var sku = await ApiCalls.Product(host.Ops, "uk-north", 1000, unitPrice: 3m);
        var customer = ApiCalls.Unique("lister");
        var ids = new List<string>();
        for (var quantity = 1; quantity <= 5; quantity++)
        {
            ids.Add(ApiCalls.Text((await host.Place(customer, (sku, quantity)))["id"]));
        }

        await host.Cancel(ids[0]);
        var all = await Eventually($"customerId={customer}", page => Number(page["total"]) == 5 && Items(page).All(i => i!["status"]!.ToString() != "Placed")
            && Items(page).Any(i => i!["status"]!.ToString() == "Cancelled"));

        // Newest first by default, with the total and the paging echoed.
        Assert.Equal(ids.AsEnumerable().Reverse(), Items(all).Select(Id));
        Assert.Equal(1, Number(all["page"]));
        Assert.Equal(50, Number(all["pageSize"]));
        Assert.True(all["totalIsExact"]!.GetValue<bool>());

        var first = await List($"customerId={customer}&pageSize=2&sort=placedAt");
        var third = await List($"customerId={customer}&pageSize=2&page=3&sort=placedAt");
        Assert.Equal(ids.Take(2), Items(first).Select(Id));
        Assert.Equal([ids[4]], Items(third).Select(Id));
        Assert.Equal(5, Number(third["total"]));

        var byTotal = await List($"customerId={customer}&sort=-total");
        Assert.Equal([15m, 12m, 9m, 6m, 3m], Items(byTotal).Select(i => i!["total"]!.GetValue<decimal>()));
        Assert.Equal([3m, 6m, 9m, 12m, 15m], Items(await List($"customerId={customer}&sort=total")).Select(i => i!["total"]!.GetValue<decimal>()));
        Assert.Equal("Cancelled", ApiCalls.Text(Items(await List($"customerId={customer}&sort=status"))[0]!["status"]));

        Assert.Equal([ids[0]], Items(await List($"customerId={customer}&status=cancelled")).Select(Id));
        Assert.Equal(4, Number((await List($"customerId={customer}&status=Reserved,Backordered"))["total"]));
        Assert.Equal(5, Number((await List($"customerId={customer}&channel=web&warehouseId=uk-north"))["total"]));
        Assert.Equal(0, Number((await List($"customerId={customer}&channel=phone"))["total"]));
        Assert.Equal(5, Number((await List($"customerId={customer}&status=&channel=&q=&sort=&page="))["total"]));
        Assert.Equal(0, Number((await List($"customerId={customer}&from=2999-01-01"))["total"]));
        Assert.Equal(5, Number((await List($"customerId={customer}&from=2000-01-01&to={DateTime.UtcNow:yyyy-MM-dd}"))["total"]));

        // Free text: inside the id, the customer id, email and ship-to name (any case), and SKUs.
        Assert.Equal(5, Number((await List($"customerId={customer}&q=LOVELACE"))["total"]));
        Assert.Equal(0, Number((await List($"customerId={customer}&q=Babbage"))["total"]));
        Assert.Equal([ids[2]], Items(await List($"q={ids[2][3..].ToLowerInvariant()}")).Select(Id));
        Assert.Equal(5, Number((await List($"q={customer.ToUpperInvariant()}@EXAMPLE"))["total"]));
        Assert.Equal(5, Number((await List($"q={sku}"))["total"]));
        Assert.Equal(0, Number((await List("q=no-such-order-anywhere"))["total"]));
        Assert.Equal(0, Number((await List("q=%25%25%25"))["total"]));

        var item = Items(all)[0]!;
        Assert.Equal(customer, ApiCalls.Text(item["customerId"]));
        Assert.Equal("web", ApiCalls.Text(item["channel"]));
        Assert.Equal([sku], ((JsonArray)item["skus"]!).Select(s => s!.ToString()));
    }

    [Fact]
    public async Task The_timeline_comes_from_the_read_model()
    {
        var sku = await ApiCalls.Product(host.Ops, "uk-north", 10);
        var id = ApiCalls.Text((await host.Place(ApiCalls.Unique("timeline"), (sku, 1)))["id"]);
        await host.Cancel(id);
        var order = await ApiCalls.Eventually(
            () => ApiCalls.Order(host.Ops, id), o => ((JsonArray)o["timeline"]!).Any(e => e!["kind"]!.ToString() == "stock.released"), "the release");

        var timeline = await ApiCalls.Eventually(
            () => Timeline(id), t => t.Count == ((JsonArray)order["timeline"]!).Count, "the whole timeline in the read model");

        // The same entries; times agree to the microsecond (PostgreSQL's resolution).
        Assert.Equal(Described((JsonArray)order["timeline"]!), Described(timeline));
        Assert.All(
            ((JsonArray)order["timeline"]!).Zip(timeline),
            pair => Assert.Equal(pair.First!["at"]!.GetValue<DateTimeOffset>(), pair.Second!["at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(0.001)));
        using var unknown = await host.Ops.GetAsync(new Uri("/api/orders/OG-0000-0000/timeline", UriKind.Relative));
        await Json.Problem(unknown, HttpStatusCode.NotFound);
        using var malformed = await host.Ops.GetAsync(new Uri("/api/orders/nonsense/timeline", UriKind.Relative));
        await Json.Problem(malformed, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("status=1", "status")]
    [InlineData("channel=fax", "channel")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("sort=price", "sort")]
    [InlineData("q=ab", "q")]
    public async Task Bad_list_requests_are_refused_with_the_parameter_named(string query, string field)
    {
        using var response = await host.Ops.GetAsync(new Uri($"/api/orders?{query}", UriKind.Relative));
        await Json.Invalid(response, field);
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("to=9999-12-31T23:59:59.9999999Z")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    public async Task The_widest_date_bounds_mean_no_bound(string query)
    {
        using var response = await host.Ops.GetAsync(new Uri($"/api/orders?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_list_is_for_staff_only()
    {
        using var anonymous = await host.Customer.GetAsync(new Uri("/api/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var timeline = await host.Customer.GetAsync(new Uri("/api/orders/OG-0000-0000/timeline", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, timeline.StatusCode);
    }

    private static string[] Described(JsonArray timeline) =>
        [.. timeline.Select(e => $"{e!["sequence"]} {e["kind"]} {e["status"]} {e["actor"]!.ToJsonString()} {e["description"]}")];

    private static string Id(JsonNode? item) => ApiCalls.Text(item!["id"]);

    private static JsonArray Items(JsonObject page) => (JsonArray)page["items"]!;

    private static int Number(JsonNode? node) => node!.GetValue<int>();

    private async Task<JsonObject> List(string query) => await ApiCalls.Get(host.Ops, $"/api/orders?{query}");

    private Task<JsonObject> Eventually(string query, Func<JsonObject, bool> condition) =>
        ApiCalls.Eventually(() => List(query), condition, $"orders for {query}", seconds: 30);

    private async Task<JsonArray> Timeline(string id)
    {
        using var response = await host.Ops.GetAsync(new Uri($"/api/orders/{id}/timeline", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray();
    }
}