using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// The tracking page as self-service, on a phone: the customer cancels, changes the address, chooses what happens when
/// stock is short, and watches a return go from requested to refunded — every change shown without a reload. Staff
/// steps are API calls.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class TrackingSelfServiceTests(LiveSite site)
{
    [Fact]
    public async Task A_customer_cancels_the_order_and_reads_it_once_in_their_own_words()
    {
        var sku = await site.NewProductInStock(3);
        var (id, token) = Ids(await site.PlaceOrder(sku, quantity: 2));
        var page = await Open(id, token);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        var form = page.GetByTestId("cancel-form");
        await form.GetByLabel("Why are you cancelling?").SelectOptionAsync("Ordered by mistake");
        await form.GetByRole(AriaRole.Button, new() { Name = "Cancel the order" }).ClickAsync();

        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Cancelled", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("self-service")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("shipment")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("The items held for you were released.");
        await Expect(page.GetByTestId("timeline-entry").Filter(new() { HasText = "You cancelled the order: Ordered by mistake." })).ToHaveCountAsync(1);
        Assert.Equal(1, await Occurrences(page, "This order was cancelled."));
        await Expect(page.GetByTestId("lines")).ToContainTextAsync("£25.00");
        await Expect(page.GetByTestId("lines")).ToContainTextAsync("2 items");
        await NotReloaded(page);
        await Screenshots.Save(page, "track-cancel.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Once_picking_starts_the_page_offers_only_cancelling_and_says_so()
    {
        var sku = await site.NewProductInStock(3);
        var (id, token) = Ids(await site.PlaceOrder(sku));
        var page = await Open(id, token);
        var explain = page.GetByTestId("self-service-explain");
        await Expect(explain).ToHaveTextAsync("Until we start picking your items, you can still change or cancel your order here.");

        using (var issued = await site.Ops.PostAsync(new Uri($"/api/orders/{id}/pick-lists", UriKind.Relative), content: null))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Processing", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("self-service").Locator("button[data-action]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToBeVisibleAsync();
        await Expect(explain).ToHaveTextAsync("We are preparing your order: it can no longer be changed, but you can still cancel it until it leaves us.");
        await NotReloaded(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_customer_changes_the_delivery_address_and_an_error_shows_beside_its_field()
    {
        var sku = await site.NewProductInStock(3);
        var (id, token) = Ids(await site.PlaceOrder(sku));
        var page = await Open(id, token);

        await page.GetByRole(AriaRole.Button, new() { Name = "Change delivery address" }).ClickAsync();
        var form = page.GetByTestId("address-form");
        await form.GetByLabel("Address line 1").FillAsync("14 Park Row");
        await form.GetByLabel("Town or city").FillAsync(new string('L', 101));
        await form.GetByLabel("Postcode").FillAsync("LS1 5HD");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the new address" }).ClickAsync();
        var cityError = form.Locator(".field-error[data-field='shipTo.city']");
        await Expect(cityError).ToContainTextAsync("100", new() { Timeout = 5_000 });
        await form.GetByLabel("Town or city").FillAsync("Leeds");
        await Expect(cityError).ToBeHiddenAsync();
        await form.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "track-change.png");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the new address" }).ClickAsync();

        await Expect(page.GetByTestId("ship-to")).ToContainTextAsync("LS1 5HD Leeds", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("self-service")).ToContainTextAsync("Your delivery address is changed.");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("Changed: new delivery address LS1 5HD Leeds, GB.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("14 Park Row");
        var staff = await site.Get($"/api/orders/{id}", LiveSite.OpsKey);
        Assert.Equal("14 Park Row", Json.Text(staff["shipTo"]!["line1"]));
        await NotReloaded(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_customer_short_of_stock_sees_what_is_missing_until_when_and_ships_what_is_here_now()
    {
        var sku = await site.NewProductInStock(1);
        var (id, token) = Ids(await site.PlaceOrder(sku, quantity: 3));
        var staff = await site.Get($"/api/orders/{id}", LiveSite.OpsKey);
        var warehouse = Json.Text(staff["lines"]![0]!["allocations"]!.AsArray().Single(a => Json.Number(a!["backordered"]) > 0)!["warehouseId"]);
        var expectedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(12);
        using (var ordered = await site.Ops.PostAsJsonAsync($"/api/stock/{warehouse}/{sku}/purchase-orders", new { quantity = 5, expectedOn }))
        {
            Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        }

        var page = await Open(id, token);
        var shortage = page.GetByTestId("shortage");
        await Expect(shortage.GetByTestId("missing-line")).ToContainTextAsync($"2 × Test item {sku}");
        await Expect(shortage.GetByTestId("missing-line")).ToContainTextAsync(
            $"expected by {expectedOn.ToString("d MMM", CultureInfo.GetCultureInfo("en-GB"))}");
        await Expect(shortage.Locator("button[data-choice]")).ToHaveCountAsync(3);
        await Expect(shortage.Locator("button[data-choice=drop-missing-lines]")).ToContainTextAsync("refund £25.00");
        await shortage.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "track-shortage.png");

        await shortage.GetByRole(AriaRole.Button, new() { Name = "Ship what is here now" }).ClickAsync();

        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Processing", new() { Timeout = 5_000 });
        await Expect(shortage).ToContainTextAsync("Still to come");
        await Expect(shortage.Locator("button[data-choice]")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("timeline-entry").Nth(1)).ToContainTextAsync("You chose to receive what is here now");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("Shipping now: 1 item; 2 items to follow");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(warehouse);
        var choice = (await site.Get($"/api/orders/{id}", LiveSite.OpsKey))["timeline"]!.AsArray().Single(e => Json.Text(e!["kind"]) == "shortage.ship-available-now")!;
        Assert.Equal("Customer", Json.Text(choice["actor"]!["kind"]));
        await NotReloaded(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_return_goes_from_requested_to_approved_to_refunded_on_the_open_page()
    {
        var sku = await site.NewProductInStock(2);
        var (id, token) = Ids(await site.PlaceOrder(sku, quantity: 2));
        var (shipmentId, _) = await site.Ship(id);
        await site.RecordCarrierEvent(shipmentId, "Delivered", "Front door");
        var page = await Open(id, token);

        var form = page.GetByTestId("return-form");
        await form.GetByLabel("Why?").SelectOptionAsync("Arrived damaged");
        await form.GetByLabel("Details").FillAsync("The lid was chipped");
        await form.GetByRole(AriaRole.Button, new() { Name = "Request return" }).ClickAsync();
        var status = page.GetByTestId("returns").GetByTestId("return-status");
        await Expect(status).ToHaveTextAsync("Requested", new() { Timeout = 5_000 });
        var rma = await page.GetByTestId("returns").Locator("[data-return]").GetAttributeAsync("data-return");

        await Staff($"/api/returns/{rma}/approve", null);
        await Expect(status).ToHaveTextAsync("Approved: please send it back", new() { Timeout = 5_000 });
        await Staff($"/api/returns/{rma}/receive", new { lines = new[] { new { sku, quantity = 1, condition = "Damaged" } } });
        await Expect(status).ToHaveTextAsync("Received", new() { Timeout = 5_000 });
        await Staff($"/api/returns/{rma}/refund", new { method = "card" });

        await Expect(status).ToHaveTextAsync("Refunded", new() { Timeout = 5_000 });
        await Expect(page.GetByTestId("return-refund")).ToHaveTextAsync("Refunded £12.50");
        await Expect(page.GetByTestId("returns")).ToContainTextAsync("Arrived damaged: The lid was chipped");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync($"Return {rma} refunded.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("by card");
        await NotReloaded(page);
        await page.GetByTestId("returns").ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "track-returns.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_return_form_offers_only_what_is_left_to_send_back_and_goes_when_nothing_is()
    {
        var sku = await site.NewProductInStock(2);
        var (id, token) = Ids(await site.PlaceOrder(sku, quantity: 2));
        var (shipmentId, _) = await site.Ship(id);
        await site.RecordCarrierEvent(shipmentId, "Delivered", "Front door");
        var page = await Open(id, token);
        var form = page.GetByTestId("return-form");
        var quantity = form.GetByLabel("How many");
        await Expect(form.GetByLabel("Item").Locator("option")).ToHaveTextAsync([$"Test item {sku} (up to 2)"]);
        await Expect(quantity).ToHaveAttributeAsync("max", "2");

        await form.GetByRole(AriaRole.Button, new() { Name = "Request return" }).ClickAsync();

        await Expect(page.GetByTestId("returns").GetByTestId("return-status")).ToHaveTextAsync("Requested", new() { Timeout = 5_000 });
        await Expect(form.GetByLabel("Item").Locator("option")).ToHaveTextAsync([$"Test item {sku}"]);
        await Expect(quantity).ToHaveAttributeAsync("max", "1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Request return" }).ClickAsync();
        await Expect(page.GetByTestId("returns").GetByTestId("return-status")).ToHaveCountAsync(2, new() { Timeout = 5_000 });
        await Expect(form).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("return-refused")).ToHaveCountAsync(0);
        await NotReloaded(page);
        await page.Context.CloseAsync();
    }

    private static (string Id, string Token) Ids(System.Text.Json.Nodes.JsonObject order) => (Json.Text(order["id"]), Json.Text(order["trackingToken"]));

    /// <summary>The order's tracking page on a phone, live, marked so that a reload would show.</summary>
    private async Task<IPage> Open(string id, string token)
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("order-status")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.__loadedOnce = true; }");
        return page;
    }

    private static async Task NotReloaded(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__loadedOnce === true"), "The page was reloaded.");

    private static Task<int> Occurrences(IPage page, string text) =>
        page.EvaluateAsync<int>("text => document.body.innerText.split(text).length - 1", text);

    private async Task Staff(string path, object? body)
    {
        using var response = body is null
            ? await site.Ops.PostAsync(new Uri(path, UriKind.Relative), content: null)
            : await site.Ops.PostAsJsonAsync(path, body);
        await Json.Ok(response);
    }
}