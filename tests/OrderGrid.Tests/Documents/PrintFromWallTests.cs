using System.Text.RegularExpressions;

using Microsoft.Playwright;

using OrderGrid.Tests.Browser;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Documents;

/// <summary>Staff print documents from the wall's order detail panel, in a new tab, without the key ever in a URL.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed partial class PrintFromWallTests(LiveSite site)
{
    [Fact]
    public async Task The_order_detail_opens_the_pick_list_and_the_delivery_note_for_printing()
    {
        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        var orderId = Json.Text((await site.PlaceOrder(await site.NewProductInStock(2)))["id"]);
        var (shipmentId, trackingNumber) = await site.Ship(orderId);
        var requested = new List<string>();
        page.Context.Request += (_, request) => requested.Add(request.Url);

        await page.GetByTestId("event-stream").Locator($"[data-order-id='{orderId}']").First.ClickAsync(new() { Timeout = 10_000 });
        var detail = page.GetByTestId("order-detail");
        await Expect(detail).ToContainTextAsync(trackingNumber, new() { Timeout = 5_000 });
        var pickList = await Printed(page, detail.GetByRole(AriaRole.Button, new() { Name = "Print pick list" }));

        // The delivery note is held until its tab is open: the tab is still blank when the wait begins, and reaches
        // the document only afterwards (as when the server is slow), which is the order a wait on events can miss.
        var held = new TaskCompletionSource();
        await page.RouteAsync("**/delivery-note", async route =>
        {
            await held.Task;
            await route.ContinueAsync();
        });
        var deliveryNote = await Printed(page, detail.GetByRole(AriaRole.Button, new() { Name = "Delivery note" }), opened: tab =>
        {
            Assert.Equal("about:blank", tab.Url);
            held.SetResult();
        });

        await Expect(pickList.Locator("h1")).ToHaveTextAsync($"Pick list {orderId}-P1");
        await Expect(pickList.Locator("[data-part=order-code] svg")).ToBeVisibleAsync();
        await Expect(deliveryNote.Locator("h1")).ToHaveTextAsync("Delivery note");
        await Expect(deliveryNote.Locator("dl")).ToContainTextAsync(shipmentId);
        Assert.DoesNotContain(requested, url => url.Contains(LiveSite.OpsKey, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Clicks a print button and answers the tab once it shows the document. The wall opens the tab blank during the
    /// click and sends it to the document's blob URL when the fetch answers, so the tab may navigate before or after the
    /// wait begins. The wait polls the tab's URL: <c>WaitForURLAsync</c> waits for the navigation and then for the
    /// "load" event, and Playwright's .NET client can miss a load that follows the navigation within milliseconds (as a
    /// blob page's does), waiting out its timeout on a tab that shows the document.
    /// </summary>
    private static async Task<IPage> Printed(IPage page, ILocator button, Action<IPage>? opened = null)
    {
        var tab = await page.RunAndWaitForPopupAsync(() => button.ClickAsync());
        opened?.Invoke(tab);
        try
        {
            await Expect(tab).ToHaveURLAsync(BlobUrl(), new() { Timeout = 15_000 });
        }
        catch (Exception timeout) when (timeout is PlaywrightException or TimeoutException)
        {
            // Say what the wall showed: a refusal or an unreachable server is a different fault from a slow answer.
            var shown = await page.Locator("#detail-error").AllInnerTextsAsync();
            throw new TimeoutException($"The printable page did not open: the tab is at '{tab.Url}' (closed: {tab.IsClosed}); the wall shows: '{string.Join(" | ", shown)}'.", timeout);
        }

        return tab;
    }

    [GeneratedRegex("^blob:")]
    private static partial Regex BlobUrl();
}