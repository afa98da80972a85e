using System.Net;
using System.Net.Http.Json;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// The wall's order detail works the order's after-sales: staff answer a customer's ticket, resolve it and close it
/// with its buttons alone, open one for a caller, and read the refunds recorded on the order itself. The customer's steps (opening the
/// ticket, dropping the missing lines) are the tracking API's; staff's are the wall's buttons; the API checks them.
/// </summary>
[Trait(Lane.Name, Lane.System)]
[Collection(SharedLiveSite.Name)]
public sealed class WallAfterSalesTests(LiveSite site)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task Staff_answer_resolve_and_close_a_ticket_with_the_walls_buttons_alone()
    {
        var sku = await site.NewProductInStock(2);
        var order = await site.PlaceOrder(sku);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        using (var opened = await site.Customer.PostAsJsonAsync(
            $"/api/track/{id}/tickets?token={Uri.EscapeDataString(token)}", new { category = "Late", message = "Where is my parcel?" }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        var page = await OpenOnTheWall(id);
        var detail = page.GetByTestId("order-detail");
        var ticket = detail.Locator("[data-ticket]");
        await Expect(ticket).ToContainTextAsync("Where is my parcel?", new() { Timeout = 10_000 });
        await Expect(ticket.GetByTestId("ticket-status")).ToHaveTextAsync("Open");
        var ticketId = await ticket.GetAttributeAsync("data-ticket") ?? throw new Xunit.Sdk.XunitException("No ticket id.");

        await ticket.Locator("[data-action=reply]").ClickAsync();
        var form = detail.GetByTestId("ticket-reply-form");
        await form.GetByTestId("step-confirm").ClickAsync();
        // An empty answer is refused beside its field, and the form stays open.
        await Expect(form.Locator(".field-error[data-error-for=text]")).ToBeVisibleAsync(Soon);
        await form.GetByTestId("ticket-reply-text").FillAsync("It left our warehouse today; you will have it tomorrow.");
        await form.GetByTestId("step-confirm").ClickAsync();
        await Expect(ticket.GetByTestId("ticket-status")).ToHaveTextAsync("Answered", new() { Timeout = 10_000 });
        await Expect(ticket.GetByTestId("ticket-message")).ToHaveCountAsync(2);

        await Step(ticket, "resolve");
        await Expect(ticket.GetByTestId("ticket-status")).ToHaveTextAsync("Resolved", new() { Timeout = 10_000 });
        // Resolved: it may still be answered or closed, not resolved again.
        await Expect(ticket.Locator("[data-action=resolve]")).ToHaveCountAsync(0);
        await Expect(ticket.Locator("[data-action=close]")).ToBeVisibleAsync();
        await ticket.ScrollIntoViewIfNeededAsync();
        await Screenshots.Save(page, "wall-ticket.png");

        await Step(ticket, "close");
        await Expect(ticket.GetByTestId("ticket-status")).ToHaveTextAsync("Closed", new() { Timeout = 10_000 });
        await Expect(ticket.Locator("button[data-action]")).ToHaveCountAsync(0);

        var done = await site.Get($"/api/tickets/{ticketId}", LiveSite.OpsKey);
        Assert.Equal("Closed", Json.Text(done["status"]));
        var messages = Json.Array(done["messages"]);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Staff", Json.Text(messages[1]!["from"]!["kind"]));
        Assert.Equal("It left our warehouse today; you will have it tomorrow.", Json.Text(messages[1]!["text"]));
        var timeline = Json.Array((await site.Get($"/api/orders/{id}", LiveSite.OpsKey))["timeline"]).Select(e => Json.Text(e!["kind"])).ToArray();
        Assert.Contains("ticket.resolved", timeline);
        Assert.Contains("ticket.closed", timeline);

        // The customer calls about something else: staff open a ticket for them from the same panel.
        await detail.Locator("[data-action=open-ticket]").ClickAsync();
        var opening = detail.GetByTestId("open-ticket-form");
        await opening.GetByTestId("ticket-category").SelectOptionAsync("Billing");
        await opening.GetByTestId("ticket-message-text").FillAsync("Charged twice for one order");
        await opening.GetByTestId("step-confirm").ClickAsync();
        await Expect(detail.Locator("[data-ticket]")).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        var tickets = await site.Ops.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/orders/{id}/tickets");
        var called = tickets!.Select(t => t!).Single(t => Json.Text(t["id"]) != ticketId);
        Assert.Equal(("Billing", "Open", "Staff"), (Json.Text(called["category"]), Json.Text(called["status"]), Json.Text(called["messages"]![0]!["from"]!["kind"])));
        await page.Context.CloseAsync();
    }

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
    [Fact]
    public async Task A_long_unbroken_message_wraps_and_another_order_opens_at_its_top()
    {
        var sku = await site.NewProductInStock(4);
        var order = await site.PlaceOrder(sku);
        var other = Json.Text((await site.PlaceOrder(sku))["id"]);
        var (id, token) = (Json.Text(order["id"]), Json.Text(order["trackingToken"]));
        var unbroken = string.Concat(Enumerable.Repeat("Unbroken", 250));
        using (var opened = await site.Customer.PostAsJsonAsync(
            $"/api/track/{id}/tickets?token={Uri.EscapeDataString(token)}", new { category = "Other", message = unbroken }))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        var page = await OpenOnTheWall(id);
        var detail = page.GetByTestId("order-detail");
        await Expect(detail.GetByTestId("ticket-message")).ToContainTextAsync("UnbrokenUnbroken", new() { Timeout = 10_000 });
        var (wide, room) = await detail.EvaluateAsync<int[]>("panel => [panel.scrollWidth, panel.clientWidth]") is [var w, var r] ? (w, r) : default;
        Assert.True(wide <= room, $"The order panel is {wide} px wide in {room} px.");

        // Scrolled down one order, staff open another: it starts at its title and buttons.
        await detail.EvaluateAsync("panel => { panel.scrollTop = panel.scrollHeight; }");
        Assert.True(await detail.EvaluateAsync<double>("panel => panel.scrollTop") > 0, "The panel did not scroll.");
        await page.GetByTestId("find-order").FillAsync(other);
        await page.GetByTestId("find-order").PressAsync("Enter");
        await Expect(detail.Locator("#detail-title")).ToContainTextAsync(other, new() { Timeout = 10_000 });
        Assert.Equal(0, await detail.EvaluateAsync<double>("panel => panel.scrollTop"));
        await Expect(detail.Locator("#detail-title")).ToBeInViewportAsync();
        await page.Context.CloseAsync();

        var tracking = await site.NewPage(390, 844);
        await tracking.GotoAsync($"/track/{id}?token={Uri.EscapeDataString(token)}");
        await Expect(tracking.GetByText("UnbrokenUnbroken", new() { Exact = false }).First).ToBeVisibleAsync(Soon);
        var (pageWide, viewport) = await tracking.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]") is [var pw, var v] ? (pw, v) : default;
        Assert.True(pageWide <= viewport, $"The tracking page is {pageWide} px wide in {viewport} px.");
        await tracking.Context.CloseAsync();
    }

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

    /// <summary>Clicks the step's button and waits until the step went through (no button is disabled any more).</summary>
    private static async Task Step(ILocator scope, string action)
    {
        var button = scope.Locator($"[data-action={action}]").First;
        await Expect(button).ToBeVisibleAsync(Soon);
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await Expect(scope.Page.Locator("[data-testid=order-detail] button[data-action]:disabled")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }
}