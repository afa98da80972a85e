using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderGrid.Tests.Live;

/// <summary>The hubs: who may join which group, and that every change reaches its followers with its sequence.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class HubTests(OrderGridApp app)
{
    [Fact]
    public async Task A_customer_follows_an_order_with_its_token_and_sees_each_change_in_the_customer_view()
    {
        var (orderId, token, placedVersion) = await ReservedOrder();
        await using var customer = await LiveClient.Connect(app, "/hubs/orders");
        await customer.Follow(orderId, token);

        using (var cancelled = await app.Ops.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "customer called" }))
        {
            await Json.Ok(cancelled);
        }

        var update = await customer.Next("orderUpdated", p => Text(p, "orderId") == orderId && Status(p) == "Cancelled");
        Assert.True(update.GetProperty("version").GetInt64() > placedVersion);
        Assert.Equal(update.GetProperty("version").GetInt64(), update.GetProperty("order").GetProperty("version").GetInt64());
        Assert.False(update.GetProperty("order").TryGetProperty("email", out _), "The customer view has no contact details.");
        Assert.False(update.GetProperty("order").TryGetProperty("trackingToken", out _));
    }

    [Fact]
    public async Task A_wrong_token_an_unknown_order_or_no_token_without_a_staff_key_is_refused()
    {
        var (orderId, token, _) = await ReservedOrder();
        await using var customer = await LiveClient.Connect(app, "/hubs/orders");

        foreach (var (id, tokenTried) in new[] { (orderId, "wrong-token"), ("OG-0000-0000", token), (orderId, (string?)null), ("not an id", token) })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => customer.Follow(id, tokenTried));
            Assert.Contains("order not found", refused.Message, StringComparison.Ordinal);
        }

        // The refused joins left the connection usable, and in no group of that order.
        using (var cancelled = await app.Ops.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "test" }))
        {
            await Json.Ok(cancelled);
        }

        await using var witness = await LiveClient.Connect(app, "/hubs/orders", OrderGridApp.OpsKey);
        await witness.Follow(orderId, null);
        await customer.Connection.InvokeAsync("Unfollow", orderId);
        await Task.Delay(300);
        Assert.DoesNotContain(customer.Received, r => r.Method == "orderUpdated");
    }

    [Fact]
    public async Task Staff_follow_any_order_without_a_token_and_get_the_staff_view()
    {
        var (orderId, _, _) = await ReservedOrder();
        await using var staff = await LiveClient.Connect(app, "/hubs/orders", OrderGridApp.OpsKey);
        await staff.Follow(orderId, null);

        using (var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        var update = await staff.Next("orderUpdated", p => Text(p, "orderId") == orderId && Status(p) == "Processing");
        Assert.Equal(JsonValueKind.String, update.GetProperty("order").GetProperty("email").ValueKind);
    }

    [Theory]
    [InlineData("/hubs/wall", null, HttpStatusCode.Unauthorized)]
    [InlineData("/hubs/wall", "not-a-key-at-all-0000000", HttpStatusCode.Unauthorized)]
    [InlineData("/hubs/planning", null, HttpStatusCode.Unauthorized)]
    [InlineData("/hubs/planning", OrderGridApp.OpsKey, HttpStatusCode.Forbidden)]
    public async Task Staff_hubs_refuse_a_connection_without_the_right_key(string hub, string? key, HttpStatusCode expected)
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.Connect(app, hub, key));
        Assert.Equal(expected, refused.StatusCode);
    }

    [Fact]
    public async Task The_wall_hears_of_each_new_order_and_pushes_a_newer_snapshot()
    {
        var before = await Json.Ok(await app.Ops.GetAsync(new Uri("/api/wall", UriKind.Relative)));
        var revision = before["revision"]!.GetValue<long>();
        var total = before["total"]!.GetValue<int>();

        // As browsers connect: WebSockets, with the key in the query string.
        await using var wall = await LiveClient.Connect(app, "/hubs/wall", OrderGridApp.OpsKey, webSockets: true);
        await wall.Watch();
        var (orderId, _, _) = await ReservedOrder();

        var orderEvent = await wall.Next("orderEvent", p => Text(p, "orderId") == orderId);
        Assert.Equal("web", Text(orderEvent, "channel"));
        Assert.NotEqual(0, orderEvent.GetProperty("entries").GetArrayLength());
        var snapshot = await wall.Next("wallChanged", p => p.GetProperty("revision").GetInt64() > revision && p.GetProperty("total").GetInt32() > total);
        Assert.Equal(61, snapshot.GetProperty("ordersPerMinute").GetArrayLength());
    }

    [Fact]
    public async Task Planners_see_a_stock_level_change_as_it_happens()
    {
        var sku = await app.NewProduct();
        await using var planner = await LiveClient.Connect(app, "/hubs/planning", OrderGridApp.PlannerKey);
        await planner.Watch();

        await app.Receive("uk-south", sku, 7);

        var level = await planner.Next("stockChanged", p => Text(p, "sku") == sku);
        Assert.Equal("uk-south", Text(level, "warehouseId"));
        Assert.Equal(7, level.GetProperty("onHand").GetInt32());
        Assert.True(level.GetProperty("version").GetInt64() > 0);
    }

    [Fact]
    public async Task A_client_that_reconnects_fetches_the_order_and_applies_only_newer_pushes()
    {
        var (orderId, token, _) = await ReservedOrder();
        var screen = new TrackingScreen();
        await using var customer = await LiveClient.Connect(app, "/hubs/orders");
        customer.Connection.On<JsonElement>("orderUpdated", screen.Apply);
        await customer.Follow(orderId, token);
        screen.Apply(await Track(orderId, token));

        using (var issued = await app.Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null))
        {
            var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
            await customer.Next("orderUpdated", p => Status(p) == "Processing");

            // Offline while the order is picked and packed: those pushes are missed.
            await customer.Connection.StopAsync();
            await Json.Ok(await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null));
            await Json.Ok(await app.Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null));

            // Reconnect, rejoin, fetch: the screen catches up without waiting for the next change.
            await customer.Connection.StartAsync();
            await customer.Follow(orderId, token);
            screen.Apply(await Track(orderId, token));
            var caughtUp = screen.Version;

            await Json.Ok(await app.Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "UPS" }));
            await customer.Next("orderUpdated", p => Status(p) == "Shipped");
            Assert.True(screen.Version > caughtUp);
        }

        var final = await Track(orderId, token);
        Assert.Equal(final.GetProperty("version").GetInt64(), screen.Version);
        Assert.Equal(Enumerable.Range(1, (int)screen.Version).Select(i => (long)i), screen.Sequences);
    }

    private async Task<(string OrderId, string Token, long Version)> ReservedOrder()
    {
        var sku = await app.NewProduct();
        await app.Receive("uk-north", sku, 5);
        var order = await app.PlaceOrder((sku, 1));
        return (Json.Text(order["id"]), Json.Text(order["trackingToken"]), order["version"]!.GetValue<long>());
    }

    private async Task<JsonElement> Track(string orderId, string token)
    {
        using var response = await app.Customer.GetAsync(new Uri($"/api/track/{orderId}?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    private static string? Text(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Status(JsonElement update) => Text(update.GetProperty("order"), "status");

    /// <summary>What a tracking page holds: the newest view it was given, by version; older ones are dropped.</summary>
    private sealed class TrackingScreen
    {
        private readonly Lock _gate = new();
        private JsonElement _shown;

        public long Version { get; private set; }

        public IEnumerable<long> Sequences => _shown.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Order();

        public void Apply(JsonElement viewOrUpdate)
        {
            var view = viewOrUpdate.TryGetProperty("order", out var order) ? order : viewOrUpdate;
            lock (_gate)
            {
                var version = view.GetProperty("version").GetInt64();
                if (version > Version)
                {
                    (Version, _shown) = (version, view.Clone());
                }
            }
        }
    }
}