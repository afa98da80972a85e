using System.Net.Http.Json;

using OrderGrid.Tests.Live;

namespace OrderGrid.Tests.AfterSales;

/// <summary>
/// Every step of a ticket is noted on its order's timeline, so the tracking page (a follower of the order) hears of a
/// staff answer or a status change as of any change to the order, in the customer's words.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class TicketLiveTests(OrderGridApp app)
{
    [Fact]
    public async Task A_staff_answer_and_a_resolved_ticket_reach_the_customers_page_live()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 1);
        var placed = await app.PlaceOrder((sku, 1));
        var (id, token) = (Json.Text(placed["id"]), Json.Text(placed["trackingToken"]));
        await using var customer = await LiveClient.Connect(app, "/hubs/orders");
        await customer.Follow(id, token);
        using var opened = await app.Customer.PostAsJsonAsync(
            $"/api/track/{id}/tickets?token={Uri.EscapeDataString(token)}", new { category = "MissingItem", message = "Where is my lid?" });
        var ticket = Json.Text((await Json.Read(opened))["id"]);

        using (var answered = await app.Ops.PostAsJsonAsync($"/api/tickets/{ticket}/messages", new { text = "It is on its way." }))
        {
            await Json.Ok(answered);
        }

        using (var resolved = await app.Ops.PatchAsJsonAsync($"/api/tickets/{ticket}", new { status = "Resolved" }))
        {
            await Json.Ok(resolved);
        }

        var answer = await customer.Next("orderUpdated", p => Words(p).Contains($"We answered your message on ticket {ticket}."));
        var done = await customer.Next("orderUpdated", p => Words(p).Contains($"Ticket {ticket}: resolved."));
        Assert.Contains($"You contacted us about a missing item (ticket {ticket}).", Words(answer));
        Assert.True(done.GetProperty("version").GetInt64() > answer.GetProperty("version").GetInt64());
        var staff = (await app.Order(id))["timeline"]!.AsArray().Select(e => Json.Text(e!["kind"])).ToArray();
        Assert.Equal(["ticket.opened", "ticket.message", "ticket.resolved"], staff.Where(k => k.StartsWith("ticket.", StringComparison.Ordinal)));
    }

    private static string[] Words(System.Text.Json.JsonElement update) =>
        [.. update.GetProperty("order").GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
}