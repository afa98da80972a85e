using System.Net;

namespace OrderGrid.Tests.Stock;

/// <summary><c>GET /api/stock?warehouseId=…</c>: the planners' list of every product's stock in one warehouse.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class StockListTests(OrderGridApp app)
{
    [Fact]
    public async Task Lists_every_catalog_product_lowest_first_with_low_stock_flagged()
    {
        var plenty = await app.NewProduct();
        var scarce = await app.NewProduct();
        await app.Receive("eu-central", plenty, 500);
        await app.Receive("eu-central", scarce, 3);

        using var response = await app.Planner.GetAsync(new Uri("/api/stock?warehouseId=eu-central", UriKind.Relative));
        var list = await Json.Ok(response);

        var items = Json.Array(list["items"]);
        Assert.Equal(Json.Number(list["total"]), items.Count);
        Assert.True(items.Count >= 2);
        var threshold = Json.Number(list["lowStockThreshold"]);
        var rows = items.Select(i => i!.AsObject()).ToDictionary(i => Json.Text(i["sku"]));
        Assert.False(rows[plenty]["low"]!.GetValue<bool>());
        Assert.True(rows[scarce]["low"]!.GetValue<bool>());
        Assert.Equal(3, Json.Number(rows[scarce]["available"]));
        Assert.All(rows.Values, r => Assert.Equal(Json.Number(r["available"]) <= threshold, r["low"]!.GetValue<bool>()));
        var shortfalls = items.Select(i => Json.Number(i!["available"]) - Json.Number(i["backordered"])).ToList();
        Assert.Equal(shortfalls.Order(), shortfalls);
    }

    [Fact]
    public async Task Without_a_warehouse_or_with_an_unknown_one_it_says_what_is_wrong()
    {
        await Json.Invalid(await app.Planner.GetAsync(new Uri("/api/stock", UriKind.Relative)), "warehouseId");
        await Json.Problem(await app.Planner.GetAsync(new Uri("/api/stock?warehouseId=atlantis", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_get_no_stock_list()
    {
        using var response = await app.Customer.GetAsync(new Uri("/api/stock?warehouseId=uk-north", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}