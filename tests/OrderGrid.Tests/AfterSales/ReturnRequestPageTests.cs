using OrderGrid.Tests.Browser;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.AfterSales;

/// <summary>The customer asks for a return on the tracking page of a delivered order.</summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class ReturnRequestPageTests(LiveSite site)
{
    [Fact]
    public async Task A_customer_requests_a_return_from_the_tracking_page_and_sees_it_listed()
    {
        var sku = await site.NewProductInStock(2);
        var order = await site.PlaceOrder(sku, quantity: 2);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        var (shipmentId, _) = await site.Ship(id);
        await site.RecordCarrierEvent(shipmentId, "Delivered", "Front door");
        var page = await site.NewPage(390, 844);
        await page.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");

        var form = page.GetByTestId("return-form");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await form.GetByLabel("How many").FillAsync("1");
        await form.GetByLabel("Why?").SelectOptionAsync("Doesn't fit");
        await form.GetByLabel("Details").FillAsync("Too small");
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Request return" }).ClickAsync();

        await Expect(page.GetByTestId("returns")).ToContainTextAsync($"RMA-{id[3..]}-1", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("returns")).ToContainTextAsync("Requested");
        await Expect(page.GetByTestId("returns")).ToContainTextAsync("Doesn't fit: Too small");
        await page.Context.CloseAsync();
    }
}