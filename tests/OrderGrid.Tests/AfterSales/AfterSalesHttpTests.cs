using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.AfterSales;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class AfterSalesHttpTests(OrderGridApp app)
{
    [Fact]
    public async Task A_customer_requests_a_return_with_the_tracking_token_and_ops_take_it_to_refund()
    {
        var (id, token, sku) = await DeliveredOrder(2);

        using var requested = await app.Customer.PostAsJsonAsync(Track(id, token, "returns"), new { lines = new[] { new { sku, quantity = 2 } }, reason = "Too small" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var rma = Json.Text((await Json.Read(requested))["id"]);
        using var approved = await app.Ops.PostAsync(new Uri($"/api/returns/{rma}/approve", UriKind.Relative), content: null);
        using var approvedAgain = await app.Ops.PostAsync(new Uri($"/api/returns/{rma}/approve", UriKind.Relative), content: null);
        using var received = await app.Ops.PostAsJsonAsync($"/api/returns/{rma}/receive", new { lines = new[] { new { sku, quantity = 2, condition = "Resaleable" } } });
        using var refunded = await app.Ops.PostAsJsonAsync($"/api/returns/{rma}/refund", new { method = "card", reference = "PAY-1" });
        using var view = await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative));

        Assert.Equal("Approved", Json.Text((await Json.Ok(approved))["status"]));
        await Json.Problem(approvedAgain, HttpStatusCode.Conflict);
        Assert.Equal("Received", Json.Text((await Json.Ok(received))["status"]));
        Assert.Equal(20m, Json.Amount((await Json.Ok(refunded))["refund"]!["amount"]));
        Assert.Equal("Refunded", Json.Text(Json.Array((await Json.Ok(view))["returns"])[0]!["status"]));
    }

    [Fact]
    public async Task The_customer_and_ops_are_offered_the_after_sales_steps_legal_now()
    {
        var (id, token, sku) = await DeliveredOrder(1);

        using var before = await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative));
        var offeredBefore = Names((await Json.Ok(before))["allowedActions"]);
        using var requested = await app.Customer.PostAsJsonAsync(Track(id, token, "returns"), new { lines = new[] { new { sku, quantity = 1 } }, reason = "Too small" });
        var rma = await Json.Read(requested);
        using var after = await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative));
        var text = await after.Content.ReadAsStringAsync();
        var afterSales = await Json.Ok(after);
        using var approved = await app.Ops.PostAsync(new Uri($"/api/returns/{Json.Text(rma["id"])}/approve", UriKind.Relative), content: null);

        Assert.Equal(["request-return", "open-ticket"], offeredBefore);
        Assert.Equal(["open-ticket"], Names(afterSales["allowedActions"]));
        Assert.Equal(["approve", "decline"], Names(rma["allowedActions"]));
        Assert.Equal(["receive", "exchange"], Names((await Json.Ok(approved))["allowedActions"]));
        var customerReturn = Assert.Single(Json.Array(afterSales["returns"]))!;
        Assert.Equal("Requested", Json.Text(customerReturn["status"]));
        Assert.Null(customerReturn["allowedActions"]);
        Assert.DoesNotContain("uk-north", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customer_is_offered_what_is_left_to_send_back_and_a_declined_return_gives_it_back()
    {
        var (id, token, sku) = await DeliveredOrder(3);

        var before = Returnable(await Json.Ok(await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative))));
        using var requested = await app.Customer.PostAsJsonAsync(Track(id, token, "returns"), new { lines = new[] { new { sku, quantity = 2 } }, reason = "Too small" });
        var rma = Json.Text((await Json.Read(requested))["id"]);
        var afterOne = Returnable(await Json.Ok(await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative))));
        using var tooMany = await app.Customer.PostAsJsonAsync(Track(id, token, "returns"), new { lines = new[] { new { sku, quantity = 2 } }, reason = "Too small" });
        using var declined = await app.Ops.PostAsJsonAsync($"/api/returns/{rma}/decline", new { reason = "Past the return window" });
        var afterDecline = Returnable(await Json.Ok(await app.Customer.GetAsync(new Uri(Track(id, token, "after-sales"), UriKind.Relative))));

        Assert.Equal([(sku, 3)], before);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal([(sku, 1)], afterOne);
        var problem = await Json.Invalid(tooMany, "lines[0].quantity");
        Assert.Contains("At most 1 unit(s)", problem.ToJsonString(), StringComparison.Ordinal);
        await Json.Ok(declined);
        Assert.Equal([(sku, 3)], afterDecline);
    }

    [Fact]
    public async Task Bad_input_wrong_keys_unknown_returns_and_wrong_tokens_are_problems()
    {
        var (id, token, sku) = await DeliveredOrder(1);

        using var noKey = await app.Customer.PostAsJsonAsync($"/api/orders/{id}/returns", new { lines = new[] { new { sku, quantity = 1 } }, reason = "x" });
        using var planner = await app.Planner.PostAsync(new Uri("/api/returns/RMA-NONE-0000-1/approve", UriKind.Relative), content: null);
        using var unknown = await app.Ops.GetAsync(new Uri("/api/returns/RMA-NONE-0000-1", UriKind.Relative));
        using var wrongToken = await app.Customer.PostAsJsonAsync(Track(id, "nope", "returns"), new { lines = new[] { new { sku, quantity = 1 } }, reason = "x" });
        using var noLines = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/returns", new { reason = "x" });
        using var tooMany = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/returns", new { lines = new[] { new { sku, quantity = 5 } }, reason = "x" });
        using var badRating = await app.Customer.PostAsJsonAsync(Track(id, token, "feedback"), new { rating = 9 });
        using var early = await app.Customer.PostAsJsonAsync(Track(id, token, "feedback"), new { rating = 4, comment = "Quick" });
        using var badCategory = await app.Customer.PostAsJsonAsync(Track(id, token, "tickets"), new { category = "Bananas", message = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
        await Json.Problem(unknown, HttpStatusCode.NotFound);
        await Json.Problem(wrongToken, HttpStatusCode.NotFound);
        await Json.Invalid(noLines, "lines");
        await Json.Invalid(tooMany, "lines[0].quantity");
        await Json.Invalid(badRating, "rating");
        await Json.Problem(early, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
    }

    [Fact]
    public async Task A_customer_opens_a_ticket_and_staff_answer_it()
    {
        var (id, token, _) = await DeliveredOrder(1);

        using var opened = await app.Customer.PostAsJsonAsync(Track(id, token, "tickets"), new { category = "MissingItem", message = "One item missing" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var ticketId = Json.Text((await Json.Read(opened))["id"]);
        using var answered = await app.Ops.PostAsJsonAsync($"/api/tickets/{ticketId}/messages", new { text = "We are on it" });
        using var resolved = await app.Ops.PatchAsJsonAsync($"/api/tickets/{ticketId}", new { status = "Resolved" });
        using var foreign = await app.Customer.PostAsJsonAsync(Track(id, token, "tickets/TK-NONE-0000-1/messages"), new { text = "hello" });

        Assert.Equal("Answered", Json.Text((await Json.Ok(answered))["status"]));
        Assert.Equal("Resolved", Json.Text((await Json.Ok(resolved))["status"]));
        await Json.Problem(foreign, HttpStatusCode.NotFound);
        Assert.Contains(Json.Array((await app.Order(id))["timeline"]), e => Json.Text(e!["kind"]) == "ticket.opened");
    }

    private static string[] Names(JsonNode? actions) => [.. Json.Array(actions).Select(a => Json.Text(a))];

    private static string Track(string id, string token, string path) => $"/api/track/{id}/{path}?token={Uri.EscapeDataString(token)}";

    private async Task<(string Id, string Token, string Sku)> DeliveredOrder(int quantity)
    {
        var sku = await app.NewProduct(10m);
        await app.Receive("uk-north", sku, quantity);
        JsonObject order = await app.PlaceOrder((sku, quantity));
        var id = Json.Text(order["id"]);
        var (_, label) = await app.Ship(id);
        using var delivered = await app.Ops.PostAsJsonAsync($"/api/shipments/{Json.Text(label["shipmentId"])}/events", new { status = "Delivered", location = "Door" });
        await Json.Ok(delivered);
        await app.Eventually(id, o => Json.Text(o["status"]) is "Delivered" or "Completed");
        return (id, Json.Text(order["trackingToken"]), sku);
    }

    private static List<(string Sku, int Quantity)> Returnable(JsonObject afterSales) =>
        [.. Json.Array(afterSales["returnable"]).Select(l => (Json.Text(l!["sku"]), Json.Number(l!["quantity"])))];
}