using System.Globalization;
using System.Text.Json.Nodes;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// The planner page: every warehouse's stock, with the rows running low flagged; and, once a model is trained, a SKU's
/// forecast with its interval band, the restock suggestions to accept, and a new model version arriving live; on the
/// demo's real history, the forecast of a best seller and a backordered SKU as a planner orders from them.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class PlannerPageTests(LiveSite site, PlanningSite planning) : IClassFixture<PlanningSite>
{
    /// <summary>The demo's best seller (White Hanging Heart T-Light Holder).</summary>
    private const string BestSeller = "85123A";

    /// <summary>A demo product the backorder test orders far more of than any warehouse holds (Regency Cakestand 3 Tier).</summary>
    private const string Backordered = "22423";

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
        // Before any training the planning panels say so rather than fail.
        await Expect(page.GetByTestId("backtest")).ToContainTextAsync("No model yet", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("model-version")).ToHaveTextAsync("none");
        await Expect(page.Locator("#forecast-error")).ToBeHiddenAsync();

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

    [Fact]
    public async Task After_training_the_planner_sees_a_forecast_band_accepts_a_restock_row_into_incoming_stock_and_follows_a_retrain_live()
    {
        var first = await planning.Train();
        var page = await planning.NewPage(1440, 900);
        await page.GotoAsync("/planner");
        await SignInForm.Submit(page, LiveSite.PlannerKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("model-version")).ToHaveTextAsync($"v{first}", new() { Timeout = 5_000 });

        // The forecast of a SKU picked by typing it: history, 28 days ahead and the band between low and high.
        await page.Locator("#forecast-sku").FillAsync(PlanningSite.Steady);
        await page.Locator("#forecast-sku").PressAsync("Enter");
        var chart = page.GetByTestId("forecast-chart");
        await Expect(chart).ToHaveAttributeAsync("data-sku", PlanningSite.Steady, new() { Timeout = 5_000 });
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-forecast-days", "28");
        await Expect(chart).ToHaveAttributeAsync("data-band", "true");
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-history-days") ?? "0", CultureInfo.InvariantCulture) > 28);
        await Expect(page.GetByTestId("forecast-version")).ToHaveTextAsync($"v{first}");
        await page.Locator("#forecast-horizon").SelectOptionAsync("7");
        await Expect(chart).ToHaveAttributeAsync("data-forecast-days", "7", new() { Timeout = 5_000 });
        await page.Locator("#forecast-warehouse").SelectOptionAsync(PlanningSite.Warehouse);
        await Expect(page.GetByTestId("forecast-caption")).ToContainTextAsync("UK North", new() { IgnoreCase = true, Timeout = 5_000 });
        // The history names no warehouse and this site sold nothing live: the warehouse's figures are an even third,
        // and the caption says so instead of calling them the warehouse's sales.
        await Expect(page.GetByTestId("forecast-share")).ToHaveTextAsync("33.3% of the SKU's demand, an even split: no live sales in the 90 days to yesterday say where it sells · ");
        await Expect(page.GetByTestId("forecast-totals")).ToContainTextAsync("its part of the sales ");
        await page.Locator("#forecast-horizon").SelectOptionAsync("28");
        await Expect(chart).ToHaveAttributeAsync("data-forecast-days", "28", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("backtest")).ToContainTextAsync("Error on each product's 28-day total");
        await Expect(page.GetByTestId("segment-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("overstock-row").And(page.Locator($"[data-sku='{PlanningSite.Slow}']"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dead-stock-row").And(page.Locator($"[data-sku='{PlanningSite.Unsold}']"))).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.Save(page, "planner.png");

        // Accepting the late row with a quantity of our own: the stock table shows it incoming, live.
        await page.Locator($"[data-testid=warehouse-tab][data-warehouse={PlanningSite.Warehouse}]").ClickAsync();
        var restock = page.Locator($"[data-testid=restock-row][data-sku='{PlanningSite.Scarce}']");
        await Expect(restock).ToHaveAttributeAsync("data-urgency", "late", new() { Timeout = 5_000 });
        await restock.GetByTestId("restock-quantity").FillAsync("37");
        await restock.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "planner-restock.png");
        await restock.GetByTestId("restock-accept").ClickAsync();
        await Expect(page.GetByTestId("restock-result")).ToContainTextAsync($"Ordered 37 × {PlanningSite.Scarce}", new() { Timeout = 5_000 });
        var stockRow = page.Locator($"[data-testid=stock-row][data-sku='{PlanningSite.Scarce}']");
        await Expect(stockRow.Locator("[data-field=incoming]")).ToHaveTextAsync("37", new() { Timeout = 3_000 });
        var level = Json.Array((await planning.Get($"/api/stock?warehouseId={PlanningSite.Warehouse}"))["items"])
            .Single(item => Json.Text(item!["sku"]) == PlanningSite.Scarce)!;
        Assert.Equal(37, Json.Number(level["incoming"]));
        await Expect(page.Locator("#restock-error")).ToBeHiddenAsync();

        // A retrain elsewhere (not this page's button): the new version shows without a reload.
        await page.EvaluateAsync("() => { window.__loadedOnce = true; }");
        var second = await planning.Train();
        Assert.True(second > first);
        await Expect(page.GetByTestId("model-version")).ToHaveTextAsync($"v{second}", new() { Timeout = 3_000 });
        await Expect(page.GetByTestId("forecast-version")).ToHaveTextAsync($"v{second}", new() { Timeout = 3_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__loadedOnce === true"), "The page was reloaded to show the new version.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_quantity_the_planner_typed_survives_the_list_being_read_again_after_a_stock_change()
    {
        await planning.Train();
        var page = await planning.NewPage(1440, 900);
        await page.GotoAsync("/planner");
        await SignInForm.Submit(page, LiveSite.PlannerKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await page.Locator($"[data-testid=warehouse-tab][data-warehouse={PlanningSite.Warehouse}]").ClickAsync();
        var open = page.GetByTestId("restock-row").Filter(new() { Has = page.GetByTestId("restock-quantity") }).First;
        await Expect(open).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var suggestion = await open.GetAttributeAsync("data-suggestion");
        var row = page.Locator($"[data-testid=restock-row][data-suggestion='{suggestion}']");
        var quantity = row.GetByTestId("restock-quantity");
        await quantity.FillAsync("5");
        await quantity.EvaluateAsync("input => input.dataset.before = 'true'");

        // Goods arrive for another SKU of the warehouse: the page reads the whole list again, rows drawn anew.
        await planning.Receive(PlanningSite.Warehouse, PlanningSite.Steady, 1);
        await Expect(row.Locator("[data-testid=restock-quantity]:not([data-before])")).ToBeAttachedAsync(new() { Timeout = 10_000 });
        await Expect(quantity).ToHaveValueAsync("5");
        await Expect(quantity).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_accept_is_shown_in_plain_words()
    {
        await planning.Train();
        var page = await planning.NewPage(1440, 900);
        await page.GotoAsync("/planner");
        await SignInForm.Submit(page, LiveSite.PlannerKey);
        await page.Locator($"[data-testid=warehouse-tab][data-warehouse={PlanningSite.Warehouse}]").ClickAsync();
        var row = page.GetByTestId("restock-row").First;
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The page checks the quantity itself; a suggestion the API no longer knows (here: its id swapped on the way)
        // comes back as the API's problem, in words.
        await row.GetByTestId("restock-quantity").FillAsync("0");
        await row.GetByTestId("restock-accept").ClickAsync();
        await Expect(page.Locator("#restock-error")).ToContainTextAsync("whole number of at least 1");
        await row.GetByTestId("restock-quantity").FillAsync("5");
        await page.EvaluateAsync(
            "() => { const f = window.fetch; window.fetch = (u, o) => f(String(u).replace(/restock-suggestions\\/[^/]+\\/accept/, 'restock-suggestions/not-an-id/accept'), o); }");
        await row.GetByTestId("restock-accept").ClickAsync();
        await Expect(page.Locator("#restock-error")).ToContainTextAsync("was not ordered", new() { Timeout = 5_000 });
        await Expect(page.Locator("#restock-error")).Not.ToContainTextAsync("{");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_the_demo_history_the_planner_sees_a_best_sellers_28_day_totals_and_orders_every_waiting_unit_of_a_backordered_SKU()
    {
        var demo = await DemoPlanningSite.Shared;
        var page = await demo.NewPage(1440, 900);
        await page.GotoAsync("/planner");
        await SignInForm.Submit(page, LiveSite.PlannerKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });

        // 85123A, all warehouses, 28 days: the chart's sales run to yesterday, the forecast starts today, and the
        // caption puts the two 28-day totals side by side.
        await page.Locator("#forecast-sku").FillAsync(BestSeller);
        await page.Locator("#forecast-sku").PressAsync("Enter");
        var chart = page.GetByTestId("forecast-chart");
        await Expect(chart).ToHaveAttributeAsync("data-sku", BestSeller, new() { Timeout = 10_000 });
        await Expect(chart).ToHaveAttributeAsync("data-state", "ready");
        await Expect(chart).ToHaveAttributeAsync("data-forecast-days", "28");
        var view = await demo.Get($"/api/planning/forecast/{BestSeller}?horizon=28", LiveSite.PlannerKey);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        Assert.Equal(yesterday, DateOnly.Parse(Json.Text(Json.Array(view["history"])[^1]!["day"]), CultureInfo.InvariantCulture));
        Assert.Equal(yesterday.AddDays(1), DateOnly.Parse(Json.Text(Json.Array(view["forecast"])[0]!["day"]), CultureInfo.InvariantCulture));
        var sold = Json.Array(view["history"]).TakeLast(28).Sum(point => (double)point!["quantity"]!);
        await Expect(chart).ToHaveAttributeAsync("data-sold-total", Math.Round(sold).ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("forecast-totals")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"sold {sold:N0} in the 28 days"));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.Save(page, $"planner-forecast-{BestSeller}.png");

        // Far more ordered than every warehouse holds (an order this large waits for review first): approved, the rest
        // waits at the first warehouse, whose suggestion orders every waiting unit on top of what the forecast needs,
        // late (orders already wait).
        var warehouse = OrderGridApp.Warehouses[0];
        var held = 0;
        foreach (var w in OrderGridApp.Warehouses)
        {
            held += Json.Number((await demo.Get($"/api/stock/{w}/{Backordered}", LiveSite.OpsKey))["available"]);
        }

        var order = await demo.PlaceOrder(Backordered, held + 300, channel: "phone");
        var orderId = Json.Text(order["id"]);
        Assert.Equal("AwaitingReview", Json.Text(order["status"]));
        using (var approved = await demo.Ops.PostAsync(new Uri($"/api/orders/{orderId}/approve", UriKind.Relative), content: null))
        {
            await Json.Ok(approved);
        }

        await OrderGridApp.Eventually(() => demo.Get($"/api/orders/{orderId}", LiveSite.OpsKey), o => Json.Text(o["status"]) == "Backordered", "the approved order backordered");
        var waiting = Json.Number((await demo.Get($"/api/stock/{warehouse}/{Backordered}", LiveSite.OpsKey))["backordered"]);
        Assert.True(waiting >= 300, $"{waiting} backordered in {warehouse}");
        var suggestion = Json.Array(await ReadArray(demo, $"/api/planning/restock-suggestions?warehouseId={warehouse}"))
            .Single(s => Json.Text(s!["sku"]) == Backordered)!;
        Assert.Equal(waiting, Json.Number(suggestion["backordered"]));
        Assert.Equal("late", Json.Text(suggestion["urgency"]));
        Assert.True(Json.Number(suggestion["suggestedQuantity"]) >= waiting - Json.Number(suggestion["incoming"]), suggestion.ToJsonString());

        await page.Locator($"[data-testid=warehouse-tab][data-warehouse={warehouse}]").ClickAsync();
        var row = page.Locator($"[data-testid=restock-row][data-sku='{Backordered}']");
        await Expect(row).ToHaveAttributeAsync("data-urgency", "late", new() { Timeout = 10_000 });
        // Customers already wait for it: first of the late rows, which all run out today.
        await Expect(page.GetByTestId("restock-row").First).ToHaveAttributeAsync("data-sku", Backordered);
        await Expect(row.Locator("[data-field=stockOutOn]")).ToContainTextAsync("waiting");
        await Expect(row.Locator("[data-field=backordered]")).ToHaveTextAsync(waiting.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(row.GetByTestId("restock-quantity")).ToHaveValueAsync(Json.Number(suggestion["suggestedQuantity"]).ToString(CultureInfo.InvariantCulture));
        await page.EvaluateAsync("() => document.querySelector('[data-testid=restock]').scrollIntoView({ block: 'start' })");
        await Screenshots.Save(page, "planner-restock-backorders.png");

        // Accepted: the row shows its purchase order at once, with no quantity or button left to press.
        await row.GetByTestId("restock-accept").ClickAsync();
        await Expect(page.GetByTestId("restock-result")).ToContainTextAsync($"× {Backordered}", new() { Timeout = 5_000 });
        var ordered = page.Locator($"[data-testid=restock-row][data-sku='{Backordered}']");
        await Expect(ordered).ToHaveAttributeAsync("data-ordered", "true", new() { Timeout = 5_000 });
        await Expect(ordered.GetByTestId("restock-ordered")).ToContainTextAsync("PO-");
        await Expect(ordered.GetByTestId("restock-accept")).ToHaveCountAsync(0);
        await Expect(ordered.GetByTestId("urgency")).Not.ToHaveTextAsync("Late");
        await page.Context.CloseAsync();
    }

    private static async Task<JsonNode> ReadArray(LiveSite live, string path)
    {
        using var client = live.Client(LiveSite.PlannerKey);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await Json.ReadArray(response);
    }

    private static string Row(JsonNode? item) =>
        string.Join(' ', Json.Text(item!["sku"]), (bool)item["low"]! ? "true" : "false", Json.Number(item["available"]).ToString(CultureInfo.InvariantCulture));
}