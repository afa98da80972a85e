using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The customer's tracking page on a phone: live carrier news, offers that go with the order, and nothing for a wrong link.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class TrackingPageTests(LiveSite site, PlanningSite planning) : IClassFixture<PlanningSite>
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
        // No model is trained on this site: nothing to offer, so no empty strip.
        await Expect(page.GetByTestId("recommendations")).ToBeHiddenAsync();
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

    [Fact]
    public async Task A_known_customer_sees_products_that_go_with_the_order_and_the_promotion_of_their_segment()
    {
        await planning.Train();
        using var request = OrderRequests.Post(OrderRequests.Body(PlanningSite.KnownCustomer, "web", (PlanningSite.Steady, 2)), OrderGridApp.Unique("order"));
        using var placed = await planning.Ops.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = (await placed.Content.ReadFromJsonAsync<JsonObject>())!;
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        var offers = await planning.Get($"/api/track/{id}/recommendations?token={Uri.EscapeDataString(token)}&k=4");
        var segment = Json.Text(offers["segment"]);
        var validUntil = DateTimeOffset.UtcNow.AddDays(10);
        using (var promotion = await planning.Planner.PostAsJsonAsync(
            "/api/promotions", new { name = "Thank you", segment, discountPercent = 10, validUntil }))
        {
            Assert.Equal(HttpStatusCode.Created, promotion.StatusCode);
        }

        var page = await planning.NewPage(390, 844);
        await page.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");

        var strip = page.GetByTestId("recommendations");
        await Expect(strip).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(strip.GetByTestId("promotion")).ToContainTextAsync("Thank you: 10% off until ");
        var products = strip.GetByTestId("recommended-product");
        await Expect(products.First).ToBeVisibleAsync();
        Assert.InRange(await products.CountAsync(), 1, 4);
        await Expect(strip.Locator($"[data-sku='{PlanningSite.Steady}']")).ToHaveCountAsync(0);
        await Expect(strip).ToContainTextAsync(PlanningSite.ScarceName);
        await strip.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "tracking-offers.png");
        await page.Context.CloseAsync();
    }

    private static Task<string[]> Steps(IPage page) =>
        page.GetByTestId("progress").Locator("[data-step]")
            .EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.step + ':' + s.dataset.state)");
}