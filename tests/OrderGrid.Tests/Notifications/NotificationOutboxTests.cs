using System.Net;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Integration)]
[Collection(NotificationHosts.Name)]
public sealed class NotificationOutboxTests(OutboxApp app)
{
    [Fact]
    public async Task A_failing_sender_is_retried_after_doubling_waits_until_the_email_is_sent_once()
    {
        var customerId = OrderGridApp.Unique("retry");
        var address = $"{customerId}@example.com";
        app.Sender.FailFirst(address, 2);

        var id = Json.Text((await app.PlaceOrder(customerId))["id"]);

        var record = await app.NotificationOnceIt(id, $"{id}:2:email", "Sent");
        Assert.Equal(3, Json.Number(record["attempts"]));
        var attempts = app.Sender.To(address);
        Assert.Equal([false, false, true], attempts.Select(a => a.Sent));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(190), $"First wait {attempts[1].At - attempts[0].At}.");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromMilliseconds(390), $"Second wait {attempts[2].At - attempts[1].At}.");
    }

    [Fact]
    public async Task A_sender_that_never_succeeds_is_given_up_after_the_last_attempt_with_its_error()
    {
        var customerId = OrderGridApp.Unique("fail");
        app.Sender.FailFirst($"{customerId}@example.com", int.MaxValue);

        var id = Json.Text((await app.PlaceOrder(customerId))["id"]);

        var record = await app.NotificationOnceIt(id, $"{id}:2:email", "Failed");
        Assert.Equal(4, Json.Number(record["attempts"]));
        Assert.Equal("421 Service not available", Json.Text(record["lastError"]));
        Assert.Equal(4, app.Sender.To($"{customerId}@example.com").Count);
    }

    [Theory]
    [InlineData("OG-0000-0000")]
    [InlineData("not-an-order")]
    public async Task The_notifications_of_an_unknown_order_are_not_found(string id)
    {
        using var response = await app.Ops.GetAsync(new Uri($"/api/orders/{id}/notifications", UriKind.Relative));

        var problem = await Json.Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("order.not-found", Json.Text(problem["code"]));
    }

    [Fact]
    public async Task The_notifications_of_an_order_are_for_staff_only()
    {
        var id = Json.Text((await app.PlaceOrder(OrderGridApp.Unique("anon")))["id"]);

        using var response = await app.Customer.GetAsync(new Uri($"/api/orders/{id}/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}