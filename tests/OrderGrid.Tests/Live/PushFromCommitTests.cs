using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Tests.Orders;
using OrderGrid.Tests.ReadModel;

namespace OrderGrid.Tests.Live;

/// <summary>
/// Pushes go out from the order's commit: the live fan-out hears a change when the order has stored it, before the
/// read model has it, and builds the customer's view from what the change carries.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class ChangeFeedListenerTests
{
    [Fact]
    public async Task A_listener_hears_a_change_at_once_while_the_consumers_are_still_busy()
    {
        var consumer = new HeldConsumer();
        var listener = new RecordingListener();
        await using var feed = new OrderChangeFeed([consumer], [listener], NullLogger<OrderChangeFeed>.Instance);
        consumer.Hold();

        var first = feed.Publish(Change("OG-AAAA-0001", 2));
        Assert.Equal(["OG-AAAA-0001"], listener.Heard);
        await consumer.Waited.WaitAsync(TimeSpan.FromSeconds(10));

        // While the consumer still holds the first change, the next is heard at once too.
        var second = feed.Publish(Change("OG-AAAA-0002", 3));
        Assert.Equal(["OG-AAAA-0001", "OG-AAAA-0002"], listener.Heard);
        Assert.False(first.IsCompleted, "The feed's answer still means: every consumer has the change.");

        consumer.Release();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, consumer.DeliveredCount);
    }

    [Fact]
    public async Task A_listener_that_throws_does_not_fail_the_delivery()
    {
        var consumer = new HeldConsumer();
        var healthy = new RecordingListener();
        await using var feed = new OrderChangeFeed([consumer], [new ThrowingListener(), healthy], NullLogger<OrderChangeFeed>.Instance);

        await feed.Publish(Change("OG-AAAA-0003", 1)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["OG-AAAA-0003"], healthy.Heard);
        Assert.Single(consumer.DeliveredFor("OG-AAAA-0003"));
    }

    private static OrderChanged Change(string orderId, long version)
    {
        var story = new OrderStory("listener-test", SalesChannel.Web, DateTimeOffset.UnixEpoch, ("SKU-1", 1, 10m));
        return new(story.View with { Id = orderId, Version = version }, version - 1);
    }

    private sealed class RecordingListener : IOrderChangeListener
    {
        private readonly ConcurrentQueue<string> _heard = new();

        public IReadOnlyList<string> Heard => [.. _heard];

        public void OrderChanged(OrderChanged change) => _heard.Enqueue(change.Order.Id);
    }

    private sealed class ThrowingListener : IOrderChangeListener
    {
        public void OrderChanged(OrderChanged change) => throw new InvalidOperationException("A broken listener.");
    }
}

/// <summary>A carrier event while the read model is held: the customer still sees it, from the shipment the order carries.</summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class PushFromCommitTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly HeldConsumer _readModel = new();
    private readonly OrderGridApp _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _ops = null!;

    public async Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IOrderChangeConsumer>(_readModel)));
        _ops = _host.CreateClient();
        _ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OrderGridApp.OpsKey);
        using var ready = await _ops.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _readModel.Release();
        _ops.Dispose();
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_carrier_event_reaches_the_tracking_page_before_the_read_model_has_it()
    {
        var (orderId, token, shipmentId) = await ShippedOrder();
        await using var customer = await LiveClient.Connect(_host, "/hubs/orders");
        await customer.Follow(orderId, token);

        _readModel.Hold();
        var deliveredBefore = _readModel.DeliveredCount;
        var recording = _ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status = "InTransit", location = "Leeds hub" });

        // The read model has not taken the change, yet the push carries the event, built from the shipment the change carries.
        var update = await customer.Next("orderUpdated", p => Locations(p).Contains("Leeds hub"));
        Assert.Equal(deliveredBefore, _readModel.DeliveredCount);
        Assert.Equal("InTransit", update.GetProperty("order").GetProperty("shipments")[0].GetProperty("status").GetString());

        _readModel.Release();
        using var recorded = await recording.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
    }

    private async Task<(string OrderId, string Token, string ShipmentId)> ShippedOrder()
    {
        var sku = OrderGridApp.Unique("sku");
        Assert.Equal(HttpStatusCode.OK, (await _ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = "Parcel test", unitPrice = 5m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _ops.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 3, reason = "delivery" })).StatusCode);
        var order = await OrderGridApp.PlaceOrder(_ops, OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1)));
        var orderId = Json.Text(order["id"]);

        using var issued = await _ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
        await Json.Ok(await _ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null));
        await Json.Ok(await _ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null));
        var label = await Json.Ok(await _ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "UPS" }));
        return (orderId, Json.Text(order["trackingToken"]), Json.Text(label["shipmentId"]));
    }

    private static IEnumerable<string?> Locations(JsonElement update) =>
        update.GetProperty("order").GetProperty("shipments").EnumerateArray()
            .SelectMany(s => s.GetProperty("events").EnumerateArray())
            .Select(e => e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null);
}