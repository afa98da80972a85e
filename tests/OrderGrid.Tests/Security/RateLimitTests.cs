using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using OrderGrid.Tests.Http;

namespace OrderGrid.Tests.Security;

[Collection(SecurityHost.Name)]
public sealed class RateLimitTests(SecurityApp app)
{
    [Fact]
    public async Task A_client_placing_too_many_orders_is_told_to_retry_later_while_others_still_place()
    {
        var sku = await app.NewProductInStock();
        var address = SecurityApp.NewAddress();
        using var busy = app.Client(address);
        for (var i = 0; i < SecurityApp.PlacementLimit; i++)
        {
            await OrderGridApp.PlaceOrder(busy, Order(sku));
        }

        using var refused = await busy.SendAsync(Http.Orders.Post(Order(sku)));

        var problem = await Json.Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("request.rate-limited", Json.Text(problem["code"]));
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);

        using var other = app.Client();
        await OrderGridApp.PlaceOrder(other, Order(sku));
        using var staffFromTheSameAddress = app.WithKey(OrderGridApp.OpsKey, address);
        await OrderGridApp.PlaceOrder(staffFromTheSameAddress, Order(sku));
    }

    [Fact]
    public async Task Tracking_reads_are_limited_per_client_and_the_limit_answers_a_problem()
    {
        var sku = await app.NewProductInStock();
        using var customer = app.Client();
        var order = await OrderGridApp.PlaceOrder(customer, Order(sku));
        var path = new Uri($"/api/track/{Json.Text(order["id"])}?token={Uri.EscapeDataString(Json.Text(order["trackingToken"]))}", UriKind.Relative);
        using var reader = app.Client();
        for (var i = 0; i < SecurityApp.TrackingLimit; i++)
        {
            using var read = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var refused = await reader.GetAsync(path);
        using var afterSales = await reader.GetAsync(new Uri($"/api/track/{Json.Text(order["id"])}/after-sales", UriKind.Relative));

        await Json.Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        await Json.Problem(afterSales, HttpStatusCode.TooManyRequests);
        using var other = app.Client();
        using var otherRead = await other.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, otherRead.StatusCode);
    }

    [Fact]
    public async Task Endpoints_other_than_placement_and_tracking_are_not_limited()
    {
        using var ops = app.WithKey(OrderGridApp.OpsKey);
        for (var i = 0; i < (SecurityApp.TrackingLimit * 2) + 1; i++)
        {
            using var response = await ops.GetAsync(new Uri("/api/warehouses", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static object Order(string sku) => Http.Orders.Body(OrderGridApp.Unique("customer"), "web", (sku, 1));
}