using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using OrderGrid.Silo.Seed;

namespace OrderGrid.Tests.Stock;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class StockTests(OrderGridApp app)
{
    [Fact]
    public async Task The_demo_seed_stocks_every_warehouse()
    {
        using var catalog = await app.Customer.GetAsync(new Uri("/api/catalog?page=3&pageSize=5", UriKind.Relative));
        var skus = Json.Array((await Json.Ok(catalog))["items"]).Select(p => Json.Text(p!["sku"])).ToList();

        var levels = new List<(string Warehouse, string Sku, int OnHand)>();
        foreach (var sku in skus)
        {
            foreach (var warehouse in OrderGridApp.Warehouses)
            {
                levels.Add((warehouse, sku, Json.Number((await app.Stock(warehouse, sku))["onHand"])));
            }
        }

        Assert.Equal(levels.Select(l => DemoStock.QuantityFor(l.Warehouse, l.Sku)), levels.Select(l => l.OnHand));
        Assert.Contains(levels, l => l.OnHand > 0);
    }

    [Fact]
    public async Task A_receipt_adds_to_on_hand_and_available_stock()
    {
        var sku = await app.NewProduct();

        var before = await app.Stock("uk-south", sku);
        var after = await app.Receive("uk-south", sku, 7);

        Assert.Equal((0, 0, 0, 0), Level(before));
        Assert.Equal((7, 0, 7, 0), Level(after));
        Assert.Equal(("uk-south", sku), (Json.Text(after["warehouseId"]), Json.Text(after["sku"])));
        Assert.True(after.ContainsKey("backordered"), after.ToJsonString());
        Assert.Equal((7, 0, 7, 0), Level(await app.Stock("uk-south", sku)));
    }

    [Fact]
    public async Task A_receipt_sent_twice_with_the_same_idempotency_key_is_counted_once()
    {
        var sku = await app.NewProduct();
        var key = OrderGridApp.Unique("receipt");

        using var first = await app.Ops.SendAsync(Receipt(sku, 5, key));
        using var retried = await app.Ops.SendAsync(Receipt(sku, 5, key));
        var afterRetry = await app.Stock("uk-north", sku);
        using var another = await app.Ops.SendAsync(Receipt(sku, 5, OrderGridApp.Unique("receipt")));

        await Json.Ok(first);
        await Json.Ok(retried);
        Assert.Equal(5, Json.Number(afterRetry["onHand"]));
        Assert.Equal(10, Json.Number((await Json.Ok(another))["onHand"]));
    }

    [Fact]
    public async Task An_adjustment_corrects_on_hand_stock_with_a_reason()
    {
        var sku = await app.NewProduct();
        await app.Receive("eu-central", sku, 10);

        using var adjusted = await app.Ops.PostAsJsonAsync($"/api/stock/eu-central/{sku}/adjustments", new { delta = -3, reason = "damaged in storage" });
        using var noReason = await app.Ops.PostAsJsonAsync($"/api/stock/eu-central/{sku}/adjustments", new { delta = -1 });
        using var zero = await app.Ops.PostAsJsonAsync($"/api/stock/eu-central/{sku}/adjustments", new { delta = 0, reason = "count" });

        Assert.Equal((7, 0, 7, 0), Level(await Json.Ok(adjusted)));
        await Json.Invalid(noReason, "reason");
        await Json.Invalid(zero, "delta");
        Assert.Equal((7, 0, 7, 0), Level(await app.Stock("eu-central", sku)));
    }

    [Theory]
    [InlineData("""{ "quantity": 0 }""", "quantity")]
    [InlineData("""{ "quantity": 1000001 }""", "quantity")]
    [InlineData("""{ "quantity": 99999999999999999999 }""", "quantity")]
    [InlineData("""{ "quantity": "five" }""", "quantity")]
    [InlineData("""{ }""", "quantity")]
    public async Task A_receipt_of_no_or_absurd_quantity_is_refused(string json, string field)
    {
        var sku = await app.NewProduct();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Ops.PostAsync(new Uri($"/api/stock/uk-north/{sku}/receipts", UriKind.Relative), content);

        await Json.Invalid(response, field);
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["onHand"]));
    }

    [Fact]
    public async Task Stock_of_an_unknown_product_or_warehouse_is_not_found()
    {
        var sku = await app.NewProduct();

        using var unknownSku = await app.Ops.GetAsync(new Uri($"/api/stock/uk-north/{OrderGridApp.Unique("nosuch")}", UriKind.Relative));
        using var unknownWarehouse = await app.Ops.GetAsync(new Uri($"/api/stock/atlantis/{sku}", UriKind.Relative));
        using var receiptForUnknown = await app.Ops.PostAsJsonAsync($"/api/stock/uk-north/{OrderGridApp.Unique("nosuch")}/receipts", new { quantity = 1 });

        Assert.Equal("product.not-found", Json.Text((await Json.Problem(unknownSku, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("warehouse.not-found", Json.Text((await Json.Problem(unknownWarehouse, HttpStatusCode.NotFound))["code"]));
        Assert.Equal("product.not-found", Json.Text((await Json.Problem(receiptForUnknown, HttpStatusCode.NotFound))["code"]));
    }

    private static (int OnHand, int Reserved, int Available, int Incoming) Level(JsonObject level) =>
        (Json.Number(level["onHand"]), Json.Number(level["reserved"]), Json.Number(level["available"]), Json.Number(level["incoming"]));

    private static HttpRequestMessage Receipt(string sku, int quantity, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stock/uk-north/{sku}/receipts")
        {
            Content = JsonContent.Create(new { quantity, reason = "delivery" }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}