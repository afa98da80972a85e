using System.Globalization;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// Operations staff run orders through the wall's buttons alone: a phone order from entry to delivered, and a return
/// with a damaged line to its refund. The API is only read, to choose demo products and to check what the buttons did.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class WallOperationsTests(LiveSite site)
{
    private const string Warehouse = "uk-north";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_phone_order_goes_from_entry_to_delivered_with_the_walls_buttons_alone()
    {
        var (sku, _) = (await StockedDemoProducts(1))[0];
        var page = await SignedIn();

        var orderId = await EnterPhoneOrder(page, (sku, 2));
        var detail = page.GetByTestId("order-detail");
        Assert.Equal("Reserved", await Status(orderId));

        // Staff close the detail and find the order again by its id, as they would when the customer calls back.
        await page.GetByTestId("order-detail-close").ClickAsync();
        await page.GetByTestId("find-order").FillAsync(orderId);
        await page.GetByTestId("find-order").PressAsync("Enter");
        await Expect(detail.Locator("#detail-title")).ToContainTextAsync(orderId, new() { Timeout = 10_000 });
        // Amounts read in the catalog's currency (pounds in the demo), as the tracking page shows them.
        await Expect(detail.Locator("dl.facts")).ToContainTextAsync("Total£", new() { Timeout = 10_000 });

        await Step(detail, "issue-pick-lists");
        await Step(detail, "picked");
        await Step(detail, "packed");
        await detail.Locator("[data-action=ship]").ClickAsync();
        await detail.GetByTestId("carrier").SelectOptionAsync("UPS");
        await detail.GetByTestId("ship-form").GetByTestId("step-confirm").ClickAsync();
        var label = detail.GetByTestId("shipping-label");
        await Expect(label).ToBeVisibleAsync(Soon);
        var shipped = await site.Get($"/api/orders/{orderId}", LiveSite.OpsKey);
        var shipment = Json.Array(shipped["shipments"]).Single()!;
        Assert.Equal("UPS", Json.Text(shipment["carrier"]));
        await Expect(label.GetByTestId("tracking-number")).ToHaveTextAsync(Json.Text(shipment["trackingNumber"]));
        await Expect(detail.Locator("[data-action=in-transit]")).ToBeVisibleAsync(Soon);
        await Expect(detail.Locator("[data-action=issue-pick-lists]")).ToHaveCountAsync(0);
        await detail.GetByTestId("pick-lists").ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "wall-order-detail.png");

        var deliveryNote = await Printed(page, detail.GetByTestId("shipping-label").Locator("[data-action=print-delivery-note]"));
        await Expect(deliveryNote.Locator("h1")).ToHaveTextAsync("Delivery note");
        await deliveryNote.CloseAsync();

        await Step(detail, "in-transit");
        await detail.Locator("[data-action=exception]").ClickAsync();
        await detail.GetByTestId("exception-reason").FillAsync("Address not found");
        await detail.GetByTestId("exception-form").GetByTestId("step-confirm").ClickAsync();
        var notice = page.GetByTestId("staff-notification").Filter(new() { HasText = orderId });
        await Expect(notice).ToBeVisibleAsync(Soon);
        await Expect(notice).ToContainTextAsync("Address not found");
        Assert.Equal("DeliveryException", await Status(orderId));
        // The wall says what the parcel waits for and names the carrier events for what staff decide next.
        await Expect(detail.GetByTestId("delivery-problem-help")).ToContainTextAsync("Reach the customer", new() { Timeout = 10_000 });
        await Expect(detail.Locator("[data-action=out-for-delivery]")).ToHaveTextAsync("Out for delivery again");
        await Expect(detail.Locator("[data-action=delivered]")).ToHaveTextAsync("Delivered after all");

        await Step(detail, "out-for-delivery");
        // The notice goes away by itself once the shipment moves on.
        await Expect(notice).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Step(detail, "delivered");
        var delivered = await OrderGridApp.Eventually(() => site.Get($"/api/orders/{orderId}", LiveSite.OpsKey), o => Json.Text(o["status"]) == "Delivered", "the order delivered");
        Assert.Contains(Json.Array(delivered["timeline"]), e => Json.Text(e!["description"]).Contains("Address not found", StringComparison.Ordinal));
        await Expect(detail.Locator("#detail-title")).ToContainTextAsync("Delivered", new() { Timeout = 10_000 });
        await Expect(detail.Locator("[data-action=request-return]")).ToBeVisibleAsync(Soon);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_change_an_order_before_picking_and_a_bad_postcode_is_explained_beside_its_field()
    {
        var (sku, _) = (await StockedDemoProducts(1))[0];
        var page = await SignedIn();
        var orderId = await EnterPhoneOrder(page, (sku, 2));
        var detail = page.GetByTestId("order-detail");
        await Expect(detail.Locator("[data-action=issue-pick-lists]")).ToBeVisibleAsync(Soon);

        await detail.GetByText("Change the order").ClickAsync();
        var form = detail.GetByTestId("order-change");
        await form.GetByLabel("Quantity of").FillAsync("3");
        await form.GetByLabel("Postcode").FillAsync("!!!");
        await form.GetByTestId("order-change-save").ClickAsync();
        await Expect(form.Locator("[data-error-for='shipTo.postalCode']")).ToContainTextAsync("A postal code has letters and digits", new() { Timeout = 10_000 });
        await Expect(form.GetByLabel("Postcode")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(2, Json.Number(Json.Array((await site.Get($"/api/orders/{orderId}", LiveSite.OpsKey))["lines"])[0]!["quantity"]));

        await form.GetByLabel("Postcode").FillAsync("LS2 7HY");
        await form.GetByTestId("order-change-save").ClickAsync();
        var changed = await OrderGridApp.Eventually(
            () => site.Get($"/api/orders/{orderId}", LiveSite.OpsKey),
            o => Json.Number(Json.Array(o["lines"])[0]!["quantity"]) == 3,
            "the order changed");
        Assert.Equal("LS2 7HY", Json.Text(changed["shipTo"]!["postalCode"]));
        await Expect(detail.Locator(".facts")).ToContainTextAsync("LS2 7HY", new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_return_with_a_damaged_line_is_received_and_refunded_with_the_walls_buttons_alone()
    {
        var products = await StockedDemoProducts(2);
        var (resaleable, damaged) = (products[0].Sku, products[1].Sku);
        var page = await SignedIn();
        var orderId = await EnterPhoneOrder(page, (resaleable, 1), (damaged, 2));
        var detail = page.GetByTestId("order-detail");
        await Step(detail, "issue-pick-lists");
        await Step(detail, "picked");
        await Step(detail, "packed");
        await detail.Locator("[data-action=ship]").ClickAsync();
        await detail.GetByTestId("ship-form").GetByTestId("step-confirm").ClickAsync();
        await Step(detail, "in-transit");
        await Step(detail, "out-for-delivery");
        await Step(detail, "delivered");

        await detail.Locator("[data-action=request-return]").ClickAsync(new() { Timeout = 10_000 });
        var request = detail.GetByTestId("request-return-form");
        await request.Locator($"[data-field='line:{resaleable}'] input").FillAsync("1");
        await request.Locator($"[data-field='line:{damaged}'] input").FillAsync("2");
        await request.GetByTestId("return-reason").FillAsync("One mug arrived chipped");
        await request.GetByTestId("step-confirm").ClickAsync();
        var returned = detail.Locator("[data-return]");
        await Expect(returned).ToContainTextAsync("Requested", new() { Timeout = 10_000 });
        var rma = await returned.GetAttributeAsync("data-return");

        await Step(detail, "approve");
        await Expect(returned).ToContainTextAsync("Approved", new() { Timeout = 10_000 });
        var stockBefore = await Stock(resaleable);
        var damagedBefore = await Stock(damaged);
        await detail.Locator("[data-action=receive]").ClickAsync();
        var receive = detail.GetByTestId("receive-form");
        await receive.Locator($"[data-testid=receive-condition][data-sku='{resaleable}']").SelectOptionAsync("Resaleable");
        await receive.Locator($"[data-testid=receive-condition][data-sku='{damaged}']").SelectOptionAsync("Damaged");
        await receive.GetByTestId("step-confirm").ClickAsync();
        await Expect(returned).ToContainTextAsync("2 damaged, written off", new() { Timeout = 10_000 });

        await detail.Locator("[data-action=refund]").ClickAsync();
        await detail.GetByTestId("refund-method").SelectOptionAsync("store-credit");
        await detail.GetByTestId("refund-form").GetByTestId("step-confirm").ClickAsync();
        await Expect(returned.GetByTestId("refund")).ToContainTextAsync("Store credit", new() { Timeout = 10_000 });

        var done = await site.Get($"/api/returns/{rma}", LiveSite.OpsKey);
        Assert.Equal("Refunded", Json.Text(done["status"]));
        Assert.Equal("store-credit", Json.Text(done["refund"]!["method"]));
        var lines = Json.Array(done["lines"]).Select(l => l!).ToDictionary(l => Json.Text(l["sku"]));
        Assert.Equal((1, 0), (Json.Number(lines[resaleable]["resaleable"]), Json.Number(lines[resaleable]["damaged"])));
        Assert.Equal((0, 2), (Json.Number(lines[damaged]["resaleable"]), Json.Number(lines[damaged]["damaged"])));
        var paid = lines.Values.Sum(l => Json.Number(l["quantity"]) * Json.Amount(l["unitPrice"]));
        Assert.Equal(paid, Json.Amount(done["refund"]!["amount"]));
        // Resaleable goes back on the shelf it was shipped from; damaged is written off.
        Assert.Equal(stockBefore + 1, await Stock(resaleable));
        Assert.Equal(damagedBefore, await Stock(damaged));
        await Expect(detail.Locator("[data-action=refund]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_pick_list_queue_plans_a_wave_prints_its_list_and_marks_it_picked()
    {
        var ours = new List<string>();
        foreach (var quantity in new[] { 1, 2, 3 })
        {
            var orderId = Json.Text((await site.PlaceOrder(await site.NewProductInStock(5), quantity))["id"]);
            using var issued = await site.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
            ours.Add(Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]));
        }

        var page = await SignedIn();
        var queue = page.GetByTestId("pick-queue");
        await queue.Locator($"[data-testid=pick-queue-warehouse][data-warehouse={Warehouse}]").ClickAsync();
        foreach (var pickList in ours)
        {
            await Expect(queue.Locator($"[data-pick-list='{pickList}']")).ToBeVisibleAsync(Soon);
        }

        await queue.GetByTestId("wave-size").FillAsync("100");
        await queue.GetByTestId("plan-wave").ClickAsync();
        var wave = queue.GetByTestId("wave").Last;
        await Expect(wave).ToBeVisibleAsync(Soon);
        var waveId = await wave.GetAttributeAsync("data-wave");
        await Expect(queue.Locator($"[data-pick-list='{ours[0]}']")).ToContainTextAsync($"in {waveId}", new() { Timeout = 10_000 });
        await queue.ScrollIntoViewIfNeededAsync();
        await queue.ScreenshotAsync(new() { Path = Screenshots.PathOf("wall-pick-queue.png") });

        var printed = await Printed(page, wave.GetByTestId("print-wave"));
        await Expect(printed.Locator("h1")).ToHaveTextAsync($"Wave {waveId}");
        foreach (var pickList in ours)
        {
            await Expect(printed.Locator("[data-part=totes]")).ToContainTextAsync(pickList);
        }

        await printed.CloseAsync();
        await wave.GetByTestId("wave-picked").ClickAsync();
        foreach (var pickList in ours)
        {
            await Expect(queue.Locator($"[data-pick-list='{pickList}']")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            var order = await site.Get($"/api/orders/{pickList[..^3]}", LiveSite.OpsKey);
            Assert.Equal("Picked", Json.Text(Json.Array(order["pickLists"]).Single()!["status"]));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_wave_size_stays_explained_beside_the_button_until_staff_act_again()
    {
        var page = await SignedIn();
        var queue = page.GetByTestId("pick-queue");
        await queue.Locator($"[data-testid=pick-queue-warehouse][data-warehouse={Warehouse}]").ClickAsync();
        var size = queue.GetByTestId("wave-size");
        Assert.Equal("1", await size.GetAttributeAsync("min"));
        Assert.Equal("100", await size.GetAttributeAsync("max"));

        // A pick list of our own, so that the button is enabled (and later one more, to make the queue read again).
        await IssuedPickList();
        await Expect(queue.GetByTestId("plan-wave")).ToBeEnabledAsync(new() { Timeout = 10_000 });
        await size.FillAsync("500");
        await queue.GetByTestId("plan-wave").ClickAsync();
        var error = queue.GetByTestId("plan-wave-error");
        await Expect(error).ToContainTextAsync("A wave takes 1 to 100 pick lists", new() { Timeout = 10_000 });

        // The queue reads itself again on news of a new pick list: the error stays.
        var another = await IssuedPickList();
        await Expect(queue.Locator($"[data-pick-list='{another}']")).ToBeVisibleAsync(Soon);
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("A wave takes 1 to 100 pick lists");

        await size.FillAsync("5");
        await Expect(error).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private async Task<string> IssuedPickList()
    {
        var orderId = Json.Text((await site.PlaceOrder(await site.NewProductInStock(5), 1))["id"]);
        using var issued = await site.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        return Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
    }

    private async Task<IPage> SignedIn()
    {
        var page = await site.NewPage(1920, 1080);
        await page.GotoAsync("/wall");
        await SignInForm.Submit(page, LiveSite.OpsKey);
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        return page;
    }

    /// <summary>Staff take a phone order in the wall's order-entry dialog; answers its id. The dialog opens the order's detail.</summary>
    private static async Task<string> EnterPhoneOrder(IPage page, params (string Sku, int Quantity)[] lines)
    {
        await page.GetByTestId("enter-order").ClickAsync();
        var entry = page.GetByTestId("order-entry");
        await entry.GetByTestId("entry-channel").SelectOptionAsync("phone");
        await entry.GetByTestId("entry-customer").FillAsync(OrderGridApp.Unique("caller"));
        await entry.GetByTestId("entry-phone").FillAsync("+44 113 496 0000");
        foreach (var (sku, quantity) in lines)
        {
            await entry.GetByTestId("entry-search").FillAsync(sku);
            await entry.GetByTestId("entry-results").Locator($"[data-sku='{sku}']").GetByTestId("entry-add").ClickAsync(new() { Timeout = 10_000 });
            await entry.GetByTestId("entry-quantity").Last.FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (field, value) in new[] { ("name", "Grace Hopper"), ("line1", "1 Navy Road"), ("city", "Leeds"), ("postalCode", "LS1 1AA"), ("country", "GB") })
        {
            await entry.Locator($"[data-field='shipTo.{field}']").FillAsync(value);
        }

        await entry.GetByTestId("entry-submit").ClickAsync();
        var outcome = entry.GetByTestId("entry-outcome");
        await Expect(outcome).ToContainTextAsync("placed", new() { Timeout = 10_000 });
        await Expect(outcome).ToContainTextAsync(", total £");
        var orderId = await outcome.GetAttributeAsync("data-order-id") ?? throw new Xunit.Sdk.XunitException("No order id on the outcome.");
        // Placed once: "Place order" gives way to "Enter another order", so a second click cannot place it twice.
        await Expect(entry.GetByTestId("entry-submit")).ToBeHiddenAsync();
        await Expect(entry.GetByTestId("entry-another")).ToBeVisibleAsync();
        await entry.GetByTestId("entry-close").ClickAsync();
        await Expect(page.GetByTestId("order-detail").Locator("#detail-title")).ToContainTextAsync(orderId, new() { Timeout = 10_000 });
        return orderId;
    }

    /// <summary>Clicks the step's button once the server offers it, and waits until the step went through (its button is gone or enabled again).</summary>
    private static async Task Step(ILocator detail, string action)
    {
        var button = detail.Locator($"[data-action={action}]").First;
        await Expect(button).ToBeVisibleAsync(Soon);
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await Expect(detail.Locator("button[data-action]:disabled")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }

    private async Task<string> Status(string orderId) => Json.Text((await site.Get($"/api/orders/{orderId}", LiveSite.OpsKey))["status"]);

    private async Task<int> Stock(string sku) => Json.Number((await site.Get($"/api/stock/{Warehouse}/{sku}", LiveSite.OpsKey))["onHand"]);

    /// <summary>Demo products with plenty available in uk-north, read from the stock list (the demo seed stocks them).</summary>
    private async Task<(string Sku, string Name)[]> StockedDemoProducts(int count)
    {
        var stock = await site.Get($"/api/stock?warehouseId={Warehouse}", LiveSite.OpsKey);
        return
        [
            .. Json.Array(stock["items"]).Select(i => i!)
                .Where(i => Json.Number(i["available"]) >= 50 && !Json.Text(i["sku"]).StartsWith("T-", StringComparison.Ordinal))
                .Take(count)
                .Select(i => (Json.Text(i["sku"]), Json.Text(i["name"]))),
        ];
    }

    private static async Task<IPage> Printed(IPage page, ILocator button)
    {
        var opened = page.Context.WaitForPageAsync();
        await button.ClickAsync();
        var printed = await opened;
        await printed.WaitForLoadStateAsync();
        return printed;
    }
}