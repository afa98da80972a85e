using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class ReviewTests(OrderGridApp app)
{
    [Fact]
    public async Task An_order_over_5000_waits_for_review_and_approval_reserves_it()
    {
        var sku = await app.NewProduct(2_600m);
        await app.Receive("uk-north", sku, 5);

        var placed = await app.PlaceOrder((sku, 2));
        var id = Json.Text(placed["id"]);
        var reservedWhileWaiting = Json.Number((await app.Stock("uk-north", sku))["reserved"]);
        var queue = await OrderGridApp.Eventually(ReviewQueue, q => q.Contains(id), $"{id} in the review queue");

        Assert.Equal("AwaitingReview", Json.Text(placed["status"]));
        Assert.Equal(5_200m, Json.Amount(placed["total"]));
        Assert.Contains(Json.Array(placed["holds"]), h => Json.Text(h!["kind"]) == "Review" && !string.IsNullOrWhiteSpace(Json.Text(h["reason"])));
        Assert.Equal(0, reservedWhileWaiting);
        Assert.Contains(id, queue);

        using var approved = await app.Ops.PostAsync(new Uri($"/api/orders/{id}/approve", UriKind.Relative), content: null);

        var order = await Json.Ok(approved);
        Assert.Equal("Reserved", Json.Text(order["status"]));
        Assert.DoesNotContain(Json.Array(order["holds"]), h => Json.Text(h!["kind"]) == "Review");
        Assert.Equal(2, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
        Assert.DoesNotContain(id, await ReviewQueue());
    }

    [Fact]
    public async Task The_tracking_page_does_not_reveal_the_review_rule_or_the_staff_reason()
    {
        var sku = await app.NewProduct(6_000m);
        await app.Receive("uk-north", sku, 1);
        var placed = await app.PlaceOrder((sku, 1));
        var id = Json.Text(placed["id"]);
        using var rejected = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/reject", new { reason = "card flagged by Bob in fraud team" });

        using var tracked = await app.Customer.GetAsync(new Uri($"/api/track/{id}?token={Uri.EscapeDataString(Json.Text(placed["trackingToken"]))}", UriKind.Relative));
        var page = await tracked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("being checked", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5,000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_an_order_in_review_cancels_it_with_the_reason()
    {
        var sku = await app.NewProduct(6_000m);
        await app.Receive("uk-north", sku, 1);
        var id = Json.Text((await app.PlaceOrder((sku, 1)))["id"]);

        using var noReason = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/reject", new { });
        using var rejected = await app.Ops.PostAsJsonAsync($"/api/orders/{id}/reject", new { reason = "suspected fraud" });

        await Json.Invalid(noReason, "reason");
        var order = await Json.Ok(rejected);
        Assert.Equal("Cancelled", Json.Text(order["status"]));
        Assert.Contains(Json.Array(order["timeline"]), e => Json.Text(e!["description"]).Contains("suspected fraud", StringComparison.Ordinal));
        Assert.Equal(0, Json.Number((await app.Stock("uk-north", sku))["reserved"]));
        Assert.DoesNotContain(id, await ReviewQueue());
    }

    [Fact]
    public async Task An_order_of_exactly_5000_needs_no_review()
    {
        var sku = await app.NewProduct(2_500m);
        await app.Receive("uk-north", sku, 2);

        var order = await app.PlaceOrder((sku, 2));

        Assert.Equal("Reserved", Json.Text(order["status"]));
    }

    private async Task<List<string>> ReviewQueue()
    {
        using var response = await app.Ops.GetAsync(new Uri("/api/review-queue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await Json.ReadArray(response)).Select(item => Json.Text(item!["id"]))];
    }
}