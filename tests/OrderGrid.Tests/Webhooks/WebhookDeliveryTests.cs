using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Orders;
using OrderGrid.Webhooks;

namespace OrderGrid.Tests.Webhooks;

[Trait(Lane.Name, Lane.Integration)]
[Collection(WebhookHost.Name)]
public sealed class WebhookDeliveryTests(WebhookApp app)
{
    [Fact]
    public async Task An_order_event_is_posted_signed_with_the_subscriptions_secret()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await app.Subscribe(receiver.Url, "order.*");
        var secret = Json.Text(subscription["secret"]);

        var orderId = await app.PlaceOrder();

        var placed = await Eventually(() => receiver.Of($"{orderId}:1"), r => r.Count > 0, "the order.placed event");
        var post = Assert.Single(placed);
        Assert.Equal("order.placed", post.EventType);
        Assert.True(WebhookSignature.Verify(secret, post.Timestamp, post.Body, post.Signature), $"Signature {post.Signature} does not verify.");
        Assert.InRange(post.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = JsonNode.Parse(post.Body)!.AsObject();
        Assert.Equal($"{orderId}:1", Json.Text(body["id"]));
        Assert.Equal("order.placed", Json.Text(body["type"]));
        Assert.Equal(orderId, Json.Text(body["orderId"]));
        Assert.Equal(orderId, Json.Text(body["order"]!["id"]));
        Assert.Equal("web", Json.Text(body["order"]!["channel"]));
    }

    [Fact]
    public async Task Only_events_matching_the_filters_are_posted()
    {
        await using var receiver = await WebhookReceiver.Start();
        await app.Subscribe(receiver.Url, "order.reserved");

        var orderId = await app.PlaceOrder();

        await Eventually(() => receiver.Received.ToList(), r => r.Any(p => p.Body.Contains(orderId, StringComparison.Ordinal)), "the order.reserved event");
        Assert.All(receiver.Received, p => Assert.Equal("order.reserved", p.EventType));
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_event_three_times_and_it_is_delivered_once()
    {
        await using var receiver = await WebhookReceiver.Start(failFirst: 2);
        var subscriptionId = Json.Text((await app.Subscribe(receiver.Url, "order.placed"))["id"]);

        var orderId = await app.PlaceOrder();

        var eventId = $"{orderId}:1";
        var log = await Eventually(
            () => app.Deliveries(subscriptionId),
            d => d.Any(a => (string?)a!["eventId"] == eventId && (string?)a["outcome"] == "delivered"),
            "the event delivered");
        var attempts = log.Where(a => (string?)a!["eventId"] == eventId).Reverse().ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => Json.Number(a!["attempt"])));
        Assert.Equal([500, 500, 200], attempts.Select(a => Json.Number(a!["statusCode"])));
        Assert.Equal(["retrying", "retrying", "delivered"], attempts.Select(a => Json.Text(a!["outcome"])));
        Assert.Equal([500, 500, 200], receiver.Of(eventId).Select(p => p.AnsweredWith));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_well_is_given_up_after_the_last_attempt()
    {
        await using var receiver = await WebhookReceiver.Start(failFirst: int.MaxValue);
        var subscriptionId = Json.Text((await app.Subscribe(receiver.Url, "order.placed"))["id"]);

        var orderId = await app.PlaceOrder();

        var log = await Eventually(() => app.Deliveries(subscriptionId), d => d.Any(a => (string?)a!["outcome"] == "failed"), "the event given up");
        var failed = Assert.Single(log, a => (string?)a!["outcome"] == "failed");
        Assert.Equal($"{orderId}:1", Json.Text(failed!["eventId"]));
        Assert.Equal(4, Json.Number(failed["attempt"]));
    }

    [Fact]
    public async Task The_same_change_fed_twice_is_delivered_once()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscriptionId = Json.Text((await app.Subscribe(receiver.Url, "order.*"))["id"]);
        var orderId = await app.PlaceOrder();
        var order = (await app.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(orderId).Get())!;
        var fanOut = app.Host.Services.GetServices<IOrderChangeConsumer>().OfType<WebhookFanOut>().Single();

        await fanOut.Consume([new OrderChanged(order, 0)], CancellationToken.None);
        await fanOut.Consume([new OrderChanged(order, 0), new OrderChanged(order, 0)], CancellationToken.None);

        var eventIds = order.Timeline.Select(e => $"{orderId}:{e.Sequence}").ToList();
        await Eventually(
            () => app.Deliveries(subscriptionId),
            d => eventIds.All(id => d.Any(a => (string?)a!["eventId"] == id && (string?)a["outcome"] == "delivered")),
            "every event delivered");
        await Task.Delay(300);
        Assert.All(eventIds, id => Assert.Single(receiver.Of(id)));
        Assert.Equal(eventIds.Count, (await app.Deliveries(subscriptionId)).Count);
    }

    private static Task<T> Eventually<T>(Func<T> read, Func<T, bool> condition, string what) =>
        OrderGridApp.Eventually(() => Task.FromResult(read()), condition, what);

    private static Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> condition, string what) =>
        OrderGridApp.Eventually(read, condition, what);
}