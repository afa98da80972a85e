using System.Globalization;
using System.Text.Json.Nodes;

using OrderGrid.Tests.Http;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The planner page: every warehouse's stock, with the rows running low flagged.</summary>
[Collection(SharedLiveSite.Name)]
public sealed class PlannerPageTests(LiveSite site)
{
    [Fact]
    public async Task The_planner_sees_each_warehouse_stock_with_the_low_rows_flagged_and_follows_a_receipt_live()
    {
        var page = await site.NewPage(1440, 900);
        await page.GotoAsync("/planner");

        await SignInForm.Submit(page, LiveSite.PlannerKey);

        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        foreach (var warehouse in OrderGridApp.Warehouses)
        {
            await Expect(page.Locator($"[data-testid=warehouse-tab][data-warehouse={warehouse}]")).ToBeVisibleAsync();
        }

        foreach (var warehouse in new[] { "uk-south", "uk-north" })
        {
            await page.Locator($"[data-testid=warehouse-tab][data-warehouse={warehouse}]").ClickAsync();
            var items = Json.Array((await site.Get($"/api/stock?warehouseId={warehouse}", LiveSite.PlannerKey))["items"]);
            Assert.Contains(items, item => (bool)item!["low"]!);
            var rows = page.GetByTestId("stock-row");
            await Expect(rows).ToHaveCountAsync(items.Count, new() { Timeout = 10_000 });
            var shown = await rows.EvaluateAllAsync<string[]>(
                "rows => rows.map(r => [r.dataset.sku, r.dataset.low, r.querySelector('[data-field=available]')?.textContent.trim()].join(' '))");
            Assert.Equal(items.Select(Row).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        }

        Assert.Equal(LiveSite.PlannerKey, await SignInForm.KeptKey(page));
        await Screenshots.Save(page, "planner.png");

        var stock = await site.Get("/api/stock?warehouseId=uk-north", LiveSite.PlannerKey);
        // A demo row nobody ordered: the whole delivery becomes available (none of it fills a backorder).
        var low = Json.Array(stock["items"]).First(item => (bool)item!["low"]! && Json.Number(item["backordered"]) == 0)!;
        var sku = Json.Text(low["sku"]);
        var delivered = Json.Number(stock["lowStockThreshold"]) + 10;
        var restocked = Json.Number(low["available"]) + delivered;
        await site.Receive("uk-north", sku, delivered);
        var row = page.Locator($"[data-testid=stock-row][data-sku='{sku}']");
        await Expect(row).ToHaveAttributeAsync("data-low", "false", new() { Timeout = 3_000 });
        await Expect(row.Locator("[data-field=available]")).ToHaveTextAsync(LiveSite.Number(restocked));
        await page.Context.CloseAsync();
    }

    private static string Row(JsonNode? item) =>
        string.Join(' ', Json.Text(item!["sku"]), (bool)item["low"]! ? "true" : "false", Json.Number(item["available"]).ToString(CultureInfo.InvariantCulture));
}