using Microsoft.Playwright;

using OrderGrid.Tests.Browser;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Channels;

/// <summary>Staff enter a phone order on the wall: search a product, see its stock per warehouse, place the order.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class OrderEntryPageTests(LiveSite site)
{
    [Fact]
    public async Task Staff_enter_a_phone_order_on_the_wall_and_it_records_them_and_the_channel()
    {
        var sku = await site.NewProductInStock(9);
        var customerId = OrderGridApp.Unique("caller");
        var page = await site.NewPage(1600, 1000);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);

        await page.GetByTestId("enter-order").ClickAsync();
        var entry = page.GetByTestId("order-entry");
        await entry.GetByTestId("entry-channel").SelectOptionAsync("phone");
        await entry.GetByTestId("entry-customer").FillAsync(customerId);
        await entry.GetByTestId("entry-phone").FillAsync("+44 20 7946 0000");
        await entry.GetByTestId("entry-search").FillAsync(sku);
        var hit = entry.GetByTestId("entry-results").Locator($"[data-sku='{sku}']");
        await Expect(hit.GetByTestId("entry-availability")).ToContainTextAsync(": 9", new() { Timeout = 5_000 });
        await hit.GetByTestId("entry-add").ClickAsync();
        await entry.GetByTestId("entry-quantity").FillAsync("2");
        foreach (var (field, value) in new[] { ("name", "Ada Lovelace"), ("line1", "1 Analytical Way"), ("city", "London"), ("postalCode", "N1 9GU"), ("country", "GB") })
        {
            await entry.Locator($"[data-field='shipTo.{field}']").FillAsync(value);
        }

        await entry.GetByTestId("entry-submit").ClickAsync();

        var outcome = entry.GetByTestId("entry-outcome");
        await Expect(outcome).ToContainTextAsync("placed", new() { Timeout = 10_000 });
        var orderId = await outcome.GetAttributeAsync("data-order-id");
        var order = await site.Get($"/api/orders/{orderId}", LiveSite.OpsKey);
        Assert.Equal(("phone", "demo-ops", 2), (Json.Text(order["channel"]), Json.Text(order["enteredBy"]!["name"]), Json.Number(Json.Array(order["lines"])[0]!["quantity"])));
        await Screenshots.Save(page, "order-entry.png");
        await entry.GetByTestId("entry-close").ClickAsync();
        await Expect(page.GetByTestId("order-detail").GetByTestId("entered-by")).ToHaveTextAsync("demo-ops", new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }
}