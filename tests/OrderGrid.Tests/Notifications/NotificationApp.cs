using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderGrid.Tests.Notifications;

/// <summary>
/// The OrderGrid host (as <see cref="OrderGridApp"/>: in memory, demo data) with notification settings of its own:
/// tracking links on <c>https://shop.example.test</c>, staff at <c>staff@example.test</c>, retries of 200 ms doubling
/// up to 800 ms, at most 4 attempts.
/// </summary>
public abstract class NotificationApp : IAsyncLifetime, IDisposable
{
    public const string PublicBaseUrl = "https://shop.example.test";

    private readonly OrderGridApp _settings = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public HttpClient Customer { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Prepare();
        Host = _settings.WithWebHostBuilder(builder =>
        {
            builder
                .UseSetting("OrderGrid:Notifications:PublicBaseUrl", PublicBaseUrl)
                .UseSetting("OrderGrid:Notifications:StaffEmail", "staff@example.test")
                .UseSetting("OrderGrid:Notifications:FirstRetryDelay", "00:00:00.200")
                .UseSetting("OrderGrid:Notifications:MaxRetryDelay", "00:00:00.800")
                .UseSetting("OrderGrid:Notifications:MaxAttempts", "4");
            Configure(builder);
        });
        Customer = Host.CreateClient();
        Ops = Host.CreateClient();
        Ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OrderGridApp.OpsKey);
        using var ready = await Customer.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _settings.DisposeAsync();
    }

    public void Dispose()
    {
        _settings.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Places an order for a new product in stock, for <paramref name="customerId"/> (email <c>{customerId}@example.com</c>); answers the order.</summary>
    public async Task<JsonObject> PlaceOrder(string customerId)
    {
        var sku = OrderGridApp.Unique("sku");
        using var defined = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = "Tea & <Biscuits>", unitPrice = 10m });
        await Json.Ok(defined);
        using var received = await Ops.PostAsJsonAsync($"/api/stock/{OrderGridApp.Warehouses[0]}/{sku}/receipts", new { quantity = 5, reason = "delivery" });
        await Json.Ok(received);
        return await OrderGridApp.PlaceOrder(Customer, OrderRequests.Body(customerId, "web", (sku, 2)));
    }

    /// <summary><c>GET /api/orders/{id}/notifications</c> as ops.</summary>
    public async Task<JsonArray> Notifications(string orderId)
    {
        using var response = await Ops.GetAsync(new Uri($"/api/orders/{orderId}/notifications", UriKind.Relative));
        return await Json.ReadArray(response);
    }

    /// <summary>Waits until the order's notification <paramref name="id"/> has <paramref name="status"/>, and answers it.</summary>
    public async Task<JsonObject> NotificationOnceIt(string orderId, string id, string status)
    {
        var all = await OrderGridApp.Eventually(
            () => Notifications(orderId),
            list => list.Any(n => (string?)n!["id"] == id && (string?)n["status"] == status),
            $"notification {id} {status}");
        return all.Single(n => (string?)n!["id"] == id)!.AsObject();
    }

    protected virtual Task Prepare() => Task.CompletedTask;

    protected abstract void Configure(IWebHostBuilder builder);
}