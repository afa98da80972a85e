using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class PromotionNotificationEndpointTests(OrderGridApp app)
{
    [Fact]
    public async Task A_planner_lists_the_notifications_of_a_promotion()
    {
        var id = await CreatePromotion();

        using var response = await app.Planner.GetAsync(new Uri($"/api/promotions/{id}/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(await Json.ReadArray(response), n => Assert.StartsWith($"promotion:{id}:", (string?)n!["id"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_notifications_of_an_unknown_promotion_are_not_found()
    {
        using var response = await app.Planner.GetAsync(new Uri("/api/promotions/PR-00000000/notifications", UriKind.Relative));

        var problem = await Json.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("promotion.not-found", Json.Text(problem["code"]));
    }

    [Fact]
    public async Task The_notifications_of_a_promotion_are_for_planners_only()
    {
        var id = await CreatePromotion();

        using var anonymous = await app.Customer.GetAsync(new Uri($"/api/promotions/{id}/notifications", UriKind.Relative));
        using var ops = await app.Ops.GetAsync(new Uri($"/api/promotions/{id}/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ops.StatusCode);
    }

    private async Task<string> CreatePromotion()
    {
        using var created = await app.Planner.PostAsJsonAsync("/api/promotions", new { name = OrderGridApp.Unique("notify"), segment = "loyal", discountPercent = 10m, validUntil = DateTimeOffset.UtcNow.AddDays(7) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Json.Text((await Json.Read(created))["id"]);
    }
}