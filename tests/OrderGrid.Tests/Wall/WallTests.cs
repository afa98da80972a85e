using System.Net;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Wall;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class WallTests(OrderGridApp app)
{
    [Fact]
    public async Task Placing_orders_moves_the_wall_counts()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 3);
        var before = await Summary();

        await OrderGridApp.PlaceOrder(app.Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), "app", (sku, 1)));
        await OrderGridApp.PlaceOrder(app.Ops, OrderRequests.Body(OrderGridApp.Unique("customer"), "store", (sku, 1)));
        var after = await OrderGridApp.Eventually(Summary, s => Json.Number(s["total"]) >= Json.Number(before["total"]) + 2, "two more orders on the wall");

        Assert.True(Count(after, "byChannel", "app") >= Count(before, "byChannel", "app") + 1, after.ToJsonString());
        Assert.True(Count(after, "byChannel", "store") >= Count(before, "byChannel", "store") + 1, after.ToJsonString());
        Assert.True(Count(after, "byStatus", "Reserved") >= 2, after.ToJsonString());
        Assert.Equal(Json.Number(after["total"]), ((JsonObject)after["byStatus"]!).Sum(pair => Json.Number(pair.Value)));
        Assert.True(Json.Number(after["placedLastHour"]) >= 2, after.ToJsonString());
        Assert.True(after.ContainsKey("placedLastMinute"), after.ToJsonString());
    }

    private async Task<JsonObject> Summary()
    {
        using var response = await app.Planner.GetAsync(new Uri("/api/wall/summary", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.Read(response);
    }

    // Enum keys may be written as "store" or "Store": the wall reads them either way.
    private static int Count(JsonObject summary, string group, string key) =>
        (summary[group] as JsonObject ?? throw new Xunit.Sdk.XunitException($"No '{group}' in {summary.ToJsonString()}"))
            .Where(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            .Sum(pair => Json.Number(pair.Value));
}