using Microsoft.Playwright;

using OrderGrid.Tests.Http;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The customer's tracking page on a phone: live carrier news, and nothing for a wrong link.</summary>
[Collection(SharedLiveSite.Name)]
public sealed class TrackingPageTests(LiveSite site)
{
    private static readonly string[] StepsOnTheWay =
        ["placed:done", "confirmed:done", "reserved:done", "processing:done", "shipped:done", "in-transit:current", "out-for-delivery:todo", "delivered:todo"];

    [Fact]
    public async Task A_carrier_scan_appears_on_the_open_page_within_a_second_without_a_reload()
    {
        var sku = await site.NewProductInStock(5);
        var order = await site.PlaceOrder(sku, quantity: 2);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        var (shipmentId, trackingNumber) = await site.Ship(id);
        var page = await site.NewPage(390, 844);
        await page.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Shipped", new() { Timeout = 5_000 });
        var shipment = page.GetByTestId("shipment");
        await Expect(shipment).ToContainTextAsync("UPS");
        await Expect(shipment).ToContainTextAsync(trackingNumber);
        await page.EvaluateAsync("() => { window.__loadedOnce = true; }");

        await site.RecordCarrierEvent(shipmentId, "InTransit", "Leeds hub");

        // The scan shows its time and status label next to its location.
        var scan = shipment.GetByTestId("tracking-event").Filter(new() { HasText = "Leeds hub" });
        await Expect(scan).ToContainTextAsync("In transit", new() { Timeout = 1_000 });
        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("In transit", new() { Timeout = 1_000 });
        var inTransit = page.GetByTestId("progress").Locator("[data-step=in-transit]");
        await Expect(inTransit).ToHaveAttributeAsync("data-state", "current", new() { Timeout = 1_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__loadedOnce === true"), "The page was reloaded to show the scan.");
        Assert.Equal(StepsOnTheWay, await Steps(page));
        await Screenshots.Save(page, "tracking.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_token_shows_order_not_found_and_nothing_of_the_order()
    {
        var sku = await site.NewProductInStock(1);
        var id = Json.Text((await site.PlaceOrder(sku))["id"]);
        var page = await site.NewPage(390, 844);

        await page.GotoAsync($"/track/{id}?token=wrong");

        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Order not found");
        foreach (var orderData in new[] { "order-status", "progress", "shipment", "timeline-entry", "notice" })
        {
            await Expect(page.GetByTestId(orderData)).ToHaveCountAsync(0);
        }

        await Expect(page.Locator("body")).Not.ToContainTextAsync(sku);
        await page.Context.CloseAsync();
    }

    private static Task<string[]> Steps(IPage page) =>
        page.GetByTestId("progress").Locator("[data-step]")
            .EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.step + ':' + s.dataset.state)");
}