using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The operations wall on a big screen: counts, queues and the event stream follow new orders live.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class WallPageTests(LiveSite site)
{
    private static readonly string[] OtherChannels = ["app", "phone", "email", "store"];

    [Fact]
    public async Task Two_new_web_orders_raise_the_counters_by_two_and_enter_the_event_stream()
    {
        var earlier = Json.Number((await site.Get("/api/wall", LiveSite.OpsKey))["total"]);
        var sku = await site.NewProductInStock(20);
        var forReview = Json.Text((await site.PlaceOrder(await site.NewProductInStock(2, unitPrice: 6_000m)))["id"]);
        var waiting = Json.Text((await site.PlaceOrder(await site.NewProductInStock(0)))["id"]);
        await site.PlaceOrder(sku);
        foreach (var channel in OtherChannels)
        {
            await site.PlaceOrder(sku, channel: channel);
        }

        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        var before = await Settled(page, atLeast: earlier + OtherChannels.Length + 3);

        var first = Json.Text((await site.PlaceOrder(sku))["id"]);
        var second = Json.Text((await site.PlaceOrder(sku))["id"]);

        var pushed = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
        await Expect(page.GetByTestId("total-orders")).ToHaveTextAsync(LiveSite.Number(before.Total + 2), pushed);
        await Expect(WebCount(page)).ToHaveTextAsync(LiveSite.Number(before.Web + 2), pushed);
        var events = page.GetByTestId("event-stream").GetByTestId("event");
        await Expect(events.Filter(new() { HasText = first }).First).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(events.Filter(new() { HasText = second }).First).ToBeVisibleAsync(new() { Timeout = 5_000 });
        // Amounts in the catalog's currency, as on the order and the tracking page: the event's and its words'.
        var placedEvent = events.Filter(new() { HasText = first }).Filter(new() { HasText = "Order placed" }).First;
        await Expect(placedEvent.Locator(".amount")).ToHaveTextAsync(new Regex(@"^£\d"));
        await Expect(placedEvent.Locator(".event-text")).ToContainTextAsync(new Regex(@"total £\d"));
        await Expect(page.GetByTestId("review-queue").Locator($"[data-order-id='{forReview}']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("backorders").Locator($"[data-order-id='{waiting}']")).ToBeVisibleAsync();
        Assert.Equal(LiveSite.OpsKey, await SignInForm.KeptKey(page));
        await Screenshots.Save(page, "wall.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_open_a_held_order_from_the_review_queue_and_approve_or_reject_it_there()
    {
        var toApprove = Json.Text((await site.PlaceOrder(await site.NewProductInStock(3, unitPrice: 7_000m)))["id"]);
        var toReject = Json.Text((await site.PlaceOrder(await site.NewProductInStock(3, unitPrice: 7_000m)))["id"]);
        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        var queue = page.GetByTestId("review-queue");
        var detail = page.GetByTestId("order-detail");

        await queue.Locator($"[data-order-id='{toApprove}']").First.ClickAsync(new() { Timeout = 10_000 });
        await Expect(detail).ToContainTextAsync(toApprove, new() { Timeout = 5_000 });
        await Expect(detail.Locator("[data-action=issue-pick-lists]")).ToBeHiddenAsync();
        await detail.Locator("[data-action=approve]").ClickAsync();
        await OrderGridApp.Eventually(() => site.Get($"/api/orders/{toApprove}", LiveSite.OpsKey), o => Json.Text(o["status"]) == "Reserved", "the approved order reserved");
        await Expect(queue.Locator($"[data-order-id='{toApprove}']")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        await page.GetByTestId("order-detail-close").ClickAsync();

        await queue.Locator($"[data-order-id='{toReject}']").First.ClickAsync(new() { Timeout = 10_000 });
        await Expect(detail).ToContainTextAsync(toReject, new() { Timeout = 5_000 });
        await detail.Locator("[data-action=reject]").ClickAsync();
        await detail.GetByTestId("step-reason").FillAsync("Card declined twice");
        await detail.GetByTestId("reject-form").GetByTestId("step-confirm").ClickAsync();
        var rejected = await OrderGridApp.Eventually(() => site.Get($"/api/orders/{toReject}", LiveSite.OpsKey), o => Json.Text(o["status"]) == "Cancelled", "the rejected order cancelled");
        Assert.Contains(Json.Array(rejected["timeline"]), e => Json.Text(e!["description"]).Contains("Card declined twice", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private static ILocator WebCount(IPage page) => page.Locator("[data-testid=channel-count][data-channel=web]");

    /// <summary>
    /// Waits until the wall's own count has taken in every order placed so far and the page shows that count, so that
    /// what the test adds next is the only change.
    /// </summary>
    private async Task<(int Total, int Web)> Settled(IPage page, int atLeast)
    {
        var placed = await OrderGridApp.Eventually(
            () => site.Get("/api/wall", LiveSite.OpsKey),
            wall => Json.Number(wall["total"]) >= atLeast,
            $"{atLeast} orders on the wall");
        var settled = (Json.Number(placed["total"]), Count(placed["byChannel"], "web"));
        await Expect(page.GetByTestId("total-orders")).ToHaveTextAsync(LiveSite.Number(settled.Item1), new() { Timeout = 5_000 });
        await Expect(WebCount(page)).ToHaveTextAsync(LiveSite.Number(settled.Item2));
        return settled;
    }

    private static int Count(JsonNode? counts, string key) => counts?[key] is { } count ? Json.Number(count) : 0;
}