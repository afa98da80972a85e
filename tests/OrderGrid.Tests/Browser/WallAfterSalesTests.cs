using System.Net.Http.Json;

using Microsoft.Playwright;

using OrderGrid.Tests.Http;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// The wall's order detail shows the order's after-sales: the refunds recorded on the order itself. The customer's
/// steps (dropping the missing lines) are the tracking API's; the API checks what the wall shows.
/// </summary>
[Collection(SharedLiveSite.Name)]
public sealed class WallAfterSalesTests(LiveSite site)
{
    [Fact]
    public async Task The_order_detail_shows_the_refund_of_lines_the_customer_dropped_in_the_catalogs_currency()
    {
        var sku = await site.NewProductInStock(1);
        var order = await site.PlaceOrder(sku, quantity: 3);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        using (var dropped = await site.Customer.PostAsJsonAsync(
            $"/api/track/{id}/shortage?token={Uri.EscapeDataString(token)}", new { choice = "drop-missing-lines" }))
        {
            Assert.True(dropped.IsSuccessStatusCode, await dropped.Content.ReadAsStringAsync());
        }

        var refund = Json.Array((await site.Get($"/api/orders/{id}", LiveSite.OpsKey))["refunds"]).Single()!;
        Assert.Equal(25m, Json.Amount(refund["amount"]));

        var page = await OpenOnTheWall(id);
        var shown = page.GetByTestId("order-detail").GetByTestId("order-refund");
        await Expect(shown).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(shown).ToContainTextAsync("£25.00");
        await Expect(shown).ToContainTextAsync(Json.Text(refund["reason"]));
        await Expect(shown).ToContainTextAsync("customer");
        await page.Context.CloseAsync();
    }

    /// <summary>The wall, signed in as ops, with the order found by its id and open.</summary>
    private async Task<IPage> OpenOnTheWall(string orderId)
    {
        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await page.GetByTestId("find-order").FillAsync(orderId);
        await page.GetByTestId("find-order").PressAsync("Enter");
        await Expect(page.GetByTestId("order-detail").Locator("#detail-title")).ToContainTextAsync(orderId, new() { Timeout = 10_000 });
        return page;
    }
}