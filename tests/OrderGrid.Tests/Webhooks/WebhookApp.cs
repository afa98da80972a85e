using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderGrid.Tests.Webhooks;

/// <summary>
/// The OrderGrid host (as <see cref="OrderGridApp"/>: in memory, demo data) with short webhook retries: 100 ms,
/// doubling, at most 4 attempts, and local http receivers allowed (the development setting). Its own host, since
/// these settings differ from the shared one.
/// </summary>
public sealed class WebhookApp : IAsyncLifetime, IDisposable
{
    private readonly OrderGridApp _settings = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public HttpClient Customer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = _settings.WithWebHostBuilder(builder => builder
            .UseSetting("OrderGrid:Webhooks:FirstRetryDelay", "00:00:00.100")
            .UseSetting("OrderGrid:Webhooks:MaxRetryDelay", "00:00:00.400")
            .UseSetting("OrderGrid:Webhooks:MaxAttempts", "4")
            .UseSetting("OrderGrid:Webhooks:AllowDevelopmentTargets", "true"));
        Customer = Host.CreateClient();
        Admin = WithKey(OrderGridApp.AdminKey);
        Ops = WithKey(OrderGridApp.OpsKey);
        using var ready = await Customer.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _settings.DisposeAsync();
    }

    public void Dispose() => _settings.Dispose();

    public HttpClient WithKey(string apiKey)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Subscribes <paramref name="url"/> and answers the created subscription (with its secret).</summary>
    public async Task<JsonObject> Subscribe(string url, params string[] events)
    {
        using var response = await Admin.PostAsJsonAsync("/api/webhooks", new { url, events });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await Json.Read(response);
    }

    /// <summary>Places an order for a new product in stock at the first warehouse, and answers its id.</summary>
    public async Task<string> PlaceOrder()
    {
        var sku = OrderGridApp.Unique("sku");
        using var defined = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = $"Product {sku}", unitPrice = 10m });
        await Json.Ok(defined);
        using var received = await Ops.PostAsJsonAsync($"/api/stock/{OrderGridApp.Warehouses[0]}/{sku}/receipts", new { quantity = 5, reason = "delivery" });
        await Json.Ok(received);
        var order = await OrderGridApp.PlaceOrder(Customer, OrderRequests.Body(OrderGridApp.Unique("customer"), "web", (sku, 1)));
        return Json.Text(order["id"]);
    }

    public async Task<JsonArray> Deliveries(string subscriptionId)
    {
        using var response = await Admin.GetAsync(new Uri($"/api/webhooks/{subscriptionId}/deliveries", UriKind.Relative));
        return await Json.ReadArray(response);
    }
}