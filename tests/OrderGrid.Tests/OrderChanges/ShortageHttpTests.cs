using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using OrderGrid.Tests.Live;

namespace OrderGrid.Tests.OrderChanges;

/// <summary>
/// <c>POST /api/track/{id}/shortage?token=</c>: the customer's choice when part of the order waits for stock, and the
/// tracking view's account of what is missing and when it is expected.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ShortageHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task The_customer_waits_for_everything_and_the_wall_hears_of_it_live()
    {
        var (id, token, _) = await Backordered(unitPrice: 10m, reserved: 1, ordered: 3);
        await using var wall = await LiveClient.Connect(app, "/hubs/wall", OrderGridApp.OpsKey, webSockets: true);
        await wall.Watch();

        var view = await Choose(id, token, "wait-for-stock");

        Assert.Equal("Backordered", Json.Text(view["status"]));
        Assert.True(view["waitingByChoice"]!.GetValue<bool>());
        Assert.Equal(["cancel", "change-address", "change-quantities", "ship-available-now", "drop-missing-lines"], Names(view["allowedActions"]));
        var choice = view["timeline"]!.AsArray().Last()!;
        Assert.Equal(("shortage.wait-for-stock", "Customer"), (Json.Text(choice["kind"]), Json.Text(choice["actor"])));
        var pushed = await wall.Next("orderEvent", p => p.GetProperty("orderId").GetString() == id
            && p.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "shortage.wait-for-stock"));
        Assert.Contains("The customer chose to wait for everything", pushed.GetProperty("entries")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        using var again = await app.Customer.PostAsJsonAsync(Path(id, token), new { choice = "wait-for-stock" });
        await Json.Problem(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Shipping_what_is_here_now_splits_the_order_as_the_customer()
    {
        var (id, token, _) = await Backordered(unitPrice: 10m, reserved: 1, ordered: 3);

        var view = await Choose(id, token, "ship-available-now");

        Assert.Equal("Processing", Json.Text(view["status"]));
        var entries = view["timeline"]!.AsArray().Select(e => (Kind: Json.Text(e!["kind"]), Description: Json.Text(e["description"]), Actor: Json.Text(e["actor"]))).ToArray();
        Assert.Equal(("shortage.ship-available-now", "Customer"), (entries[^2].Kind, entries[^2].Actor));
        Assert.Equal(("order.split", "Shipping now: 1 item; 2 items to follow as soon as the stock arrives."), (entries[^1].Kind, entries[^1].Description));
        Assert.DoesNotContain(entries, e => e.Description.Contains("uk-north", StringComparison.Ordinal));
        var staff = await app.Order(id);
        Assert.Equal("Customer", Json.Text(staff["timeline"]!.AsArray().Last(e => Json.Text(e!["kind"]) == "order.split")!["actor"]!["kind"]));
    }

    [Fact]
    public async Task Dropping_what_is_missing_keeps_what_is_reserved_and_records_the_refund()
    {
        var (id, token, _) = await Backordered(unitPrice: 12.5m, reserved: 1, ordered: 3);

        var view = await Choose(id, token, "drop-missing-lines");

        Assert.Equal("Reserved", Json.Text(view["status"]));
        var line = Assert.Single(view["lines"]!.AsArray())!;
        Assert.Equal((1, 0), (Json.Number(line["quantity"]), Json.Number(line["backorderedQuantity"])));
        Assert.Equal(12.5m, Json.Amount(view["total"]));
        var refund = Assert.Single(view["refunds"]!.AsArray())!;
        Assert.Equal(25m, Json.Amount(refund["amount"]));
        Assert.Equal("GBP", Json.Text(view["currency"]));
        var kinds = view["timeline"]!.AsArray().Select(e => Json.Text(e!["kind"])).ToArray();
        Assert.Equal(["shortage.drop-missing-lines", "order.modified", "order.refund-recorded"], kinds.SkipWhile(k => k != "shortage.drop-missing-lines").Take(3));
        Assert.Equal(25m, Json.Amount(Assert.Single((await app.Order(id))["refunds"]!.AsArray())!["amount"]));
    }

    [Fact]
    public async Task What_is_missing_is_expected_by_the_purchase_order_that_brings_it_counting_the_customers_ahead()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var earlier = await app.PlaceOrder((sku, 3));
        var placed = await app.PlaceOrder((sku, 2));
        var (id, token) = (Json.Text(placed["id"]), Json.Text(placed["trackingToken"]));
        var warehouse = Json.Text((await app.Order(id))["lines"]![0]!["allocations"]!.AsArray().Single(a => Json.Number(a!["backordered"]) > 0)!["warehouseId"]);

        var (soon, later) = (DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));

        var before = await Track(id, token);
        await ExpectStock(warehouse, sku, 2, soon);
        var tooFew = await Track(id, token);
        await ExpectStock(warehouse, sku, 3, later);
        var enough = await Track(id, token);

        Assert.Equal("Backordered", Json.Text(earlier["status"]));
        Assert.Null(before["lines"]![0]!["expectedBy"]);
        Assert.Null(tooFew["lines"]![0]!["expectedBy"]);
        Assert.Equal(later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Json.Text(enough["lines"]![0]!["expectedBy"]));
    }

    [Fact]
    public async Task Bad_choices_are_problems_and_a_wrong_token_is_not_found()
    {
        var (id, token, _) = await Backordered(unitPrice: 10m, reserved: 1, ordered: 2);
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var reserved = await app.PlaceOrder((sku, 1));

        using var missingBody = await app.Customer.PostAsync(Path(id, token), JsonContent.Create<object?>(null));
        using var noChoice = await app.Customer.PostAsJsonAsync(Path(id, token), new { });
        using var unknown = await app.Customer.PostAsJsonAsync(Path(id, token), new { choice = "ship-everything-free" });
        using var wrongToken = await app.Customer.PostAsJsonAsync(Path(id, "guessed"), new { choice = "wait-for-stock" });
        using var noToken = await app.Customer.PostAsJsonAsync($"/api/track/{id}/shortage", new { choice = "wait-for-stock" });
        using var notOffered = await app.Customer.PostAsJsonAsync(
            Path(Json.Text(reserved["id"]), Json.Text(reserved["trackingToken"])), new { choice = "drop-missing-lines" });

        await Json.Problem(missingBody, HttpStatusCode.BadRequest);
        await Json.Invalid(noChoice, "choice");
        await Json.Invalid(unknown, "choice");
        await Json.Problem(wrongToken, HttpStatusCode.NotFound);
        await Json.Problem(noToken, HttpStatusCode.NotFound);
        Assert.Equal("order.nothing-missing", Json.Text((await Json.Problem(notOffered, HttpStatusCode.Conflict))["code"]));
        Assert.Equal("Backordered", Json.Text((await app.Order(id))["status"]));
    }

    /// <summary>A web order of a new product: <paramref name="reserved"/> units in stock, <paramref name="ordered"/> ordered.</summary>
    private async Task<(string Id, string Token, string Sku)> Backordered(decimal unitPrice, int reserved, int ordered)
    {
        var sku = await app.NewProduct(unitPrice);
        await app.Receive("uk-north", sku, reserved);
        var placed = await app.PlaceOrder((sku, ordered));
        Assert.Equal("Backordered", Json.Text(placed["status"]));
        return (Json.Text(placed["id"]), Json.Text(placed["trackingToken"]), sku);
    }

    private static string Path(string id, string token) => $"/api/track/{id}/shortage?token={Uri.EscapeDataString(token)}";

    private async Task<JsonObject> Choose(string id, string token, string choice)
    {
        using var response = await app.Customer.PostAsJsonAsync(Path(id, token), new { choice });
        return await Json.Ok(response);
    }

    private async Task<JsonObject> Track(string id, string token)
    {
        using var response = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        return await Json.Ok(response);
    }

    private async Task ExpectStock(string warehouseId, string sku, int quantity, DateOnly expectedOn)
    {
        using var response = await app.Ops.PostAsJsonAsync($"/api/stock/{warehouseId}/{sku}/purchase-orders", new { quantity, expectedOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string[] Names(JsonNode? actions) => [.. Json.Array(actions).Select(a => Json.Text(a))];
}