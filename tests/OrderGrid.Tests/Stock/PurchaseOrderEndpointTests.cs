using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Stock;

/// <summary><c>/api/stock/{warehouseId}/{sku}/purchase-orders</c> and receipts against them.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class PurchaseOrderEndpointTests(OrderGridApp app)
{
    // Valid orders are expected a day or more ahead, so that midnight passing mid-test changes nothing.
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_planner_orders_stock_and_it_shows_as_incoming_in_the_level_and_the_warehouse_list()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-south", sku, 4);
        var expectedOn = Day(7);

        using var created = await app.Planner.PostAsJsonAsync(Path("uk-south", sku), new { id = "po-plan-1", quantity = 48, expectedOn });
        var order = await Created(created);
        using var listed = await app.Ops.GetAsync(new Uri(Path("uk-south", sku), UriKind.Relative));
        using var warehouse = await app.Planner.GetAsync(new Uri("/api/stock?warehouseId=uk-south", UriKind.Relative));

        Assert.Equal(("po-plan-1", 48, 0, 48, expectedOn), (Json.Text(order["id"]), Json.Number(order["quantity"]),
            Json.Number(order["received"]), Json.Number(order["outstanding"]), Json.Text(order["expectedOn"])));
        Assert.Equal("Staff", Json.Text(order["orderedBy"]!["kind"]));
        Assert.NotNull(order["orderedAt"]);
        Assert.Equal($"/api/stock/uk-south/{sku}/purchase-orders", created.Headers.Location?.OriginalString);
        Assert.Equal("po-plan-1", Json.Text(Assert.Single(await Json.ReadArray(listed))!["id"]));
        var level = await app.Stock("uk-south", sku);
        Assert.Equal((4, 4, 48), (Json.Number(level["onHand"]), Json.Number(level["available"]), Json.Number(level["incoming"])));
        var row = Json.Array((await Json.Ok(warehouse))["items"]).Single(i => Json.Text(i!["sku"]) == sku)!;
        Assert.Equal(48, Json.Number(row["incoming"]));
    }

    [Fact]
    public async Task Sending_the_same_purchase_order_again_orders_once_and_another_quantity_under_its_id_conflicts()
    {
        var sku = await app.NewProduct();
        var body = new { id = "po-retry", quantity = 24, expectedOn = Day(3) };

        using var first = await app.Ops.PostAsJsonAsync(Path("uk-north", sku), body);
        using var again = await app.Ops.PostAsJsonAsync(Path("uk-north", sku), body);
        using var other = await app.Ops.PostAsJsonAsync(Path("uk-north", sku), body with { quantity = 25 });

        Assert.Equal((await Created(first)).ToJsonString(), (await Created(again)).ToJsonString());
        Assert.Equal("stock.purchase-order-conflict", Json.Text((await Json.Problem(other, HttpStatusCode.Conflict))["code"]));
        Assert.Equal(24, Json.Number((await app.Stock("uk-north", sku))["incoming"]));
    }

    [Fact]
    public async Task A_purchase_order_without_an_id_gets_one()
    {
        var sku = await app.NewProduct();

        using var created = await app.Planner.PostAsJsonAsync(Path("uk-north", sku), new { quantity = 6, expectedOn = Day(1) });

        Assert.StartsWith("PO-", Json.Text((await Created(created))["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goods_received_against_a_purchase_order_lower_incoming_and_more_than_owed_closes_it()
    {
        var sku = await app.NewProduct();
        using var created = await app.Planner.PostAsJsonAsync(Path("eu-central", sku), new { id = "po-in", quantity = 30, expectedOn = Day(2) });
        await Created(created);

        var part = await Receive("eu-central", sku, new { quantity = 10, purchaseOrderId = "po-in" });
        var rest = await Receive("eu-central", sku, new { quantity = 25, reason = "the rest, and a bit more", purchaseOrderId = "po-in" });
        using var listed = await app.Ops.GetAsync(new Uri(Path("eu-central", sku), UriKind.Relative));

        Assert.Equal((10, 20), (Json.Number(part["onHand"]), Json.Number(part["incoming"])));
        Assert.Equal((35, 35, 0), (Json.Number(rest["onHand"]), Json.Number(rest["available"]), Json.Number(rest["incoming"])));
        Assert.Empty(await Json.ReadArray(listed));
    }

    [Fact]
    public async Task Receiving_against_an_unknown_or_closed_purchase_order_is_refused()
    {
        var sku = await app.NewProduct();
        using var created = await app.Ops.PostAsJsonAsync(Path("uk-north", sku), new { id = "po-done", quantity = 5, expectedOn = Day(1) });
        await Created(created);
        await Receive("uk-north", sku, new { quantity = 5, purchaseOrderId = "po-done" });

        using var unknown = await app.Ops.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 1, purchaseOrderId = "po-nope" });
        using var closed = await app.Ops.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 1, purchaseOrderId = "po-done" });

        Assert.Equal("stock.purchase-order-not-found", Json.Text((await Json.Problem(unknown, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("stock.purchase-order-closed", Json.Text((await Json.Problem(closed, HttpStatusCode.Conflict))["code"]));
        Assert.Equal(5, Json.Number((await app.Stock("uk-north", sku))["onHand"]));
    }

    [Theory]
    [InlineData("""{ "quantity": 0, "expectedOn": "+1" }""", "quantity")]
    [InlineData("""{ "quantity": 1000001, "expectedOn": "+1" }""", "quantity")]
    [InlineData("""{ "quantity": "many", "expectedOn": "+1" }""", "quantity")]
    [InlineData("""{ "expectedOn": "+1" }""", "quantity")]
    [InlineData("""{ "quantity": 5 }""", "expectedOn")]
    [InlineData("""{ "quantity": 5, "expectedOn": "next tuesday" }""", "expectedOn")]
    [InlineData("""{ "quantity": 5, "expectedOn": "2030-02-30" }""", "expectedOn")]
    [InlineData("""{ "quantity": 5, "expectedOn": "-1" }""", "expectedOn")]
    [InlineData("""{ "quantity": 5, "expectedOn": "+366" }""", "expectedOn")]
    [InlineData("""{ "id": " ", "quantity": 5, "expectedOn": "+1" }""", "id")]
    public async Task A_purchase_order_of_no_or_absurd_quantity_or_an_unreachable_day_is_refused(string json, string field)
    {
        var sku = await app.NewProduct();
        using var content = new StringContent(WithDays(json), System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Planner.PostAsync(new Uri(Path("uk-north", sku), UriKind.Relative), content);

        await Json.Invalid(response, field);
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["incoming"]));
    }

    [Fact]
    public async Task A_receipt_naming_a_blank_purchase_order_is_refused()
    {
        var sku = await app.NewProduct();

        using var response = await app.Ops.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 1, purchaseOrderId = "" });

        await Json.Invalid(response, "purchaseOrderId");
    }

    [Fact]
    public async Task Purchase_orders_of_an_unknown_product_or_warehouse_are_not_found()
    {
        var sku = await app.NewProduct();
        var nosuch = OrderGridApp.Unique("nosuch");

        using var listUnknownSku = await app.Ops.GetAsync(new Uri(Path("uk-north", nosuch), UriKind.Relative));
        using var listUnknownWarehouse = await app.Ops.GetAsync(new Uri(Path("atlantis", sku), UriKind.Relative));
        using var orderUnknownSku = await app.Planner.PostAsJsonAsync(Path("uk-north", nosuch), new { quantity = 1, expectedOn = Day(1) });
        using var orderUnknownWarehouse = await app.Planner.PostAsJsonAsync(Path("atlantis", sku), new { quantity = 1, expectedOn = Day(1) });

        Assert.Equal("product.not-found", Json.Text((await Json.Problem(listUnknownSku, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("warehouse.not-found", Json.Text((await Json.Problem(listUnknownWarehouse, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("product.not-found", Json.Text((await Json.Problem(orderUnknownSku, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("warehouse.not-found", Json.Text((await Json.Problem(orderUnknownWarehouse, HttpStatusCode.NotFound))["code"]));
    }

    [Fact]
    public async Task Customers_may_neither_see_nor_place_purchase_orders()
    {
        var sku = await app.NewProduct();

        using var list = await app.Customer.GetAsync(new Uri(Path("uk-north", sku), UriKind.Relative));
        using var order = await app.Customer.PostAsJsonAsync(Path("uk-north", sku), new { quantity = 1, expectedOn = Day(1) });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, order.StatusCode);
    }

    private static string Path(string warehouseId, string sku) => $"/api/stock/{warehouseId}/{sku}/purchase-orders";

    private static string Day(int daysAhead) => Today.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Replaces <c>"+n"</c> / <c>"-n"</c> expected days with the day that many days from today.</summary>
    private static string WithDays(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"([+-]\\d+)\"", m => $"\"{Day(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))}\"");

    private static async Task<JsonObject> Created(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> Receive(string warehouseId, string sku, object body)
    {
        using var response = await app.Ops.PostAsJsonAsync($"/api/stock/{warehouseId}/{sku}/receipts", body);
        return await Json.Ok(response);
    }
}