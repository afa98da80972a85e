using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>The wall's order detail names why an order is held in words staff read, not the API's enum names.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class WallHoldsTests(LiveSite site)
{
    [Fact]
    public async Task A_backordered_order_shows_its_out_of_stock_hold_in_words()
    {
        var sku = await site.NewProductInStock(1);
        var orderId = Json.Text((await site.PlaceOrder(sku, quantity: 3))["id"]);
        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });

        await page.GetByTestId("find-order").FillAsync(orderId);
        await page.GetByTestId("find-order").PressAsync("Enter");

        var detail = page.GetByTestId("order-detail");
        await Expect(detail.Locator("#detail-title")).ToContainTextAsync(orderId, new() { Timeout = 10_000 });
        var hold = detail.Locator("ul.holds li");
        await Expect(hold).ToContainTextAsync("Out of stock: ");
        await Expect(hold).Not.ToContainTextAsync("OutOfStock");
        await page.Context.CloseAsync();
    }
}