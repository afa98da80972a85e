using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// What the tracking page tells a customer beyond the order's own steps: a purchase order that moves the day their
/// missing items are expected shows on the open page without a reload, and a click &amp; collect order names the store.
/// Staff steps are API calls.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class TrackingNewsTests(LiveSite site)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task A_purchase_order_that_moves_the_expected_day_updates_the_open_page()
    {
        var sku = await site.NewProductInStock(1);
        var (id, token) = Ids(await site.PlaceOrder(sku, quantity: 3));
        var staff = await site.Get($"/api/orders/{id}", LiveSite.OpsKey);
        var warehouse = Json.Text(staff["lines"]![0]!["allocations"]!.AsArray().Single(a => Json.Number(a!["backordered"]) > 0)!["warehouseId"]);
        var page = await Open(id, token);
        var missing = page.GetByTestId("shortage").GetByTestId("missing-line");
        await Expect(missing).ToContainTextAsync($"2 × Test item {sku}");
        await Expect(missing).Not.ToContainTextAsync("expected by");

        // A supplier's order for the stock: the day shows on the page, and the timeline says what changed.
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await PurchaseOrder(warehouse, sku, OrderGridApp.Unique("po"), 5, later);
        await Expect(missing).ToContainTextAsync($"expected by {later.ToString("d MMM", British)}", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync(
            $"Test item {sku}: now expected by {later.ToString("d MMM yyyy", British)}.");

        // A sooner one that covers what is missing moves the day forward, again without a reload.
        var sooner = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(6);
        await PurchaseOrder(warehouse, sku, OrderGridApp.Unique("po"), 2, sooner);
        await Expect(missing).ToContainTextAsync($"expected by {sooner.ToString("d MMM", British)}", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync($"now expected by {sooner.ToString("d MMM yyyy", British)}.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(warehouse);
        await NotReloaded(page);

        // Staff read the same news with the SKU, on the order's timeline.
        var noted = Json.Array((await site.Get($"/api/orders/{id}", LiveSite.OpsKey))["timeline"]).Where(e => Json.Text(e!["kind"]) == "order.expected-day").ToArray();
        Assert.Equal(2, noted.Length);
        Assert.Contains(sooner.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Json.Text(noted[1]!["description"]), StringComparison.Ordinal);
        Assert.Equal("System", Json.Text(noted[1]!["actor"]!["kind"]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_click_and_collect_order_names_the_store_where_the_customer_collects_it()
    {
        var sku = await site.NewProductInStock(0);
        await site.Receive("uk-south", sku, 2);
        var body = new
        {
            customerId = OrderGridApp.Unique("walk-in"),
            phone = "07700 900123",
            channel = "store",
            lines = new[] { new { sku, quantity = 1 } },
            fulfilment = new { kind = "pickup", warehouseId = "uk-south" },
        };
        using var request = OrderRequests.Post(body, OrderGridApp.Unique("order"));
        using var placed = await site.Ops.SendAsync(request);
        var text = await placed.Content.ReadAsStringAsync();
        Assert.True(placed.StatusCode == HttpStatusCode.Created, text);
        var (id, token) = Ids((JsonObject)JsonNode.Parse(text)!);

        using var tracked = await site.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal("UK South (Reading)", Json.Text((await Json.Ok(tracked))["collectAt"]));
        var page = await Open(id, token);

        await Expect(page.GetByTestId("collect-at")).ToContainTextAsync("You collect your order at UK South (Reading).");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("uk-south");
        await page.Context.CloseAsync();
    }

    private async Task PurchaseOrder(string warehouse, string sku, string purchaseOrderId, int quantity, DateOnly expectedOn)
    {
        using var ordered = await site.Ops.PostAsJsonAsync($"/api/stock/{warehouse}/{sku}/purchase-orders", new { id = purchaseOrderId, quantity, expectedOn });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
    }

    private static (string Id, string Token) Ids(JsonObject order) => (Json.Text(order["id"]), Json.Text(order["trackingToken"]));

    /// <summary>The order's tracking page on a phone, live, marked so that a reload would show.</summary>
    private async Task<IPage> Open(string id, string token)
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("order-status")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.__loadedOnce = true; }");
        return page;
    }

    private static async Task NotReloaded(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__loadedOnce === true"), "The page was reloaded.");
}