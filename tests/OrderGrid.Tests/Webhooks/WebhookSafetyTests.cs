using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Webhooks;

/// <summary>
/// Row 6 of issue 15 on a host without the development setting: refused subscriptions, and a name that resolves to a
/// loopback address at delivery time (as a rebinding name would) is refused by the connection itself.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class WebhookSafetyTests(OrderGridApp app) : IClassFixture<OrderGridApp>
{
    private static readonly string[] Everything = ["*"];
    private static readonly string[] Placed = ["order.placed"];

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]:5432/")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://erp:secret@erp.example.com/hook")]
    [InlineData("http://erp.example.com/hook")]
    public async Task An_admin_cannot_subscribe_a_local_private_metadata_or_plain_http_address(string url)
    {
        using var response = await app.Admin.PostAsJsonAsync("/api/webhooks", new { url, events = Everything });

        await Json.Invalid(response, "url");
        using var list = await app.Admin.GetAsync(new Uri("/api/webhooks", UriKind.Relative));
        Assert.DoesNotContain((await Json.ReadArray(list)).Select(s => Json.Text(s!["url"])), u => u == url);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_at_delivery_is_refused_and_nothing_is_posted()
    {
        await using var receiver = await WebhookReceiver.Start();
        var port = new Uri(receiver.Url).Port;
        using var created = await app.Admin.PostAsJsonAsync("/api/webhooks", new { url = $"https://localhost:{port}/hook", events = Placed });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Json.Text((await Json.Read(created))["id"]);

        var sku = await app.NewProduct();
        await app.Receive(OrderGridApp.Warehouses[0], sku, 5);
        await app.PlaceOrder((sku, 1));

        var deliveries = await OrderGridApp.Eventually(() => Deliveries(id), d => d.Count > 0, "a delivery attempt");
        var attempt = deliveries[0]!;
        Assert.Equal("refused", Json.Text(attempt["error"]));
        Assert.Null(attempt["statusCode"]?.GetValue<int?>());
        Assert.Equal(0, attempt["durationMs"]!.GetValue<double>());
        Assert.Empty(receiver.Received);
    }

    private async Task<JsonArray> Deliveries(string id)
    {
        using var response = await app.Admin.GetAsync(new Uri($"/api/webhooks/{id}/deliveries", UriKind.Relative));
        return await Json.ReadArray(response);
    }
}

/// <summary>Row 6 on the development host (local receivers allowed): no redirect is followed, and failures do not tell ports apart.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(WebhookHost.Name)]
public sealed class WebhookRedirectTests(WebhookApp app)
{
    [Fact]
    public async Task A_redirect_is_not_followed_to_another_port()
    {
        await using var elsewhere = await WebhookReceiver.Start();
        await using var redirecting = await WebhookReceiver.Start(redirectTo: elsewhere.Url);
        var id = Json.Text((await app.Subscribe(redirecting.Url, "order.placed"))["id"]);

        await app.PlaceOrder();

        var deliveries = await OrderGridApp.Eventually(() => app.Deliveries(id), d => d.Count >= 2, "two attempts");
        Assert.All(deliveries, d => Assert.Equal(307, d!["statusCode"]!.GetValue<int>()));
        Assert.Empty(elsewhere.Received);
        Assert.True(redirecting.Received.Count >= 2);
    }

    [Fact]
    public async Task A_closed_port_and_a_silent_one_both_read_failed_without_a_duration()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 1);
        int closedPort;
        using (var closed = new TcpListener(IPAddress.Loopback, 0))
        {
            closed.Start();
            closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        }

        var ids = new List<string>();
        foreach (var port in new[] { closedPort, ((IPEndPoint)silent.LocalEndpoint).Port })
        {
            ids.Add(Json.Text((await app.Subscribe($"http://127.0.0.1:{port}/hook", "order.placed"))["id"]));
        }

        await app.PlaceOrder();

        foreach (var id in ids)
        {
            var attempt = (await OrderGridApp.Eventually(() => app.Deliveries(id), d => d.Count > 0, "an attempt"))[0]!;
            Assert.Equal("failed", Json.Text(attempt["error"]));
            Assert.Equal(0, attempt["durationMs"]!.GetValue<double>());
        }
    }
}