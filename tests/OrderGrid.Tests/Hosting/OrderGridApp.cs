using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Api.Identity;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// The HTTP tests' host (<see cref="OrderGridHost"/>: in memory, demo data) on Orleans ports of its own, which
/// <see cref="Operations.HostTests"/> checks the silo took, and the API calls the tests share. Tests share one instance, so
/// each uses its own customers, SKUs and idempotency keys.
/// </summary>
public sealed class OrderGridApp : OrderGridHost
{
    /// <summary>Warehouses of appsettings.json in sourcing order.</summary>
    public static readonly string[] Warehouses = ["uk-north", "uk-south", "eu-central"];

    public OrderGridApp()
    {
        (SiloPort, GatewayPort) = TwoFreePorts();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>A client signed in as <paramref name="customerId"/>: a customer token the app issued, as sign-in does.</summary>
    public HttpClient SignedIn(string customerId) => WithKey(CustomerToken(Services, customerId));

    /// <summary>A customer token from the app's own issuer (what <c>POST /api/customers/sign-in/token</c> answers).</summary>
    public static string CustomerToken(IServiceProvider services, string customerId) =>
        services.GetRequiredService<CustomerTokens>().Issue(customerId, TimeSpan.FromHours(1)).Token;

    /// <summary>The keys of every activation of a grain type in the cluster now (Orleans' management grain).</summary>
    public async Task<HashSet<string>> ActiveGrains(string grainType)
    {
        var management = Services.GetRequiredService<IGrainFactory>().GetGrain<Orleans.Runtime.IManagementGrain>(0);
        return [.. (await management.GetActiveGrains(Orleans.Runtime.GrainType.Create(grainType))).Select(id => id.Key.ToString()!)];
    }

    public HttpClient WithKey(string apiKey) => Client(apiKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:Cluster:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:Cluster:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A name no other test uses, short enough for a SKU (at most 40 characters).</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 40)];

    /// <summary>Defines a new product through the API and answers its SKU.</summary>
    public async Task<string> NewProduct(decimal unitPrice = 10m)
    {
        var sku = Unique("sku");
        using var response = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = $"Product {sku}", unitPrice });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return sku;
    }

    /// <summary>Records goods received through the API and answers the stock level after it.</summary>
    public async Task<JsonObject> Receive(string warehouseId, string sku, int quantity)
    {
        using var response = await Ops.PostAsJsonAsync($"/api/stock/{warehouseId}/{sku}/receipts", new { quantity, reason = "delivery" });
        return await Json.Ok(response);
    }

    public async Task<JsonObject> Stock(string warehouseId, string sku)
    {
        using var response = await Ops.GetAsync(new Uri($"/api/stock/{warehouseId}/{sku}", UriKind.Relative));
        return await Json.Ok(response);
    }

    /// <summary>Places an order through the web shop (no key) and answers it, failing the test unless it is created.</summary>
    public async Task<JsonObject> PlaceOrder(params (string Sku, int Quantity)[] lines) =>
        await PlaceOrder(Customer, OrderRequests.Body(Unique("customer"), "web", lines));

    public static async Task<JsonObject> PlaceOrder(HttpClient client, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync(OrderRequests.Post(body, idempotencyKey));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json.Read(response);
    }

    public async Task<JsonObject> Order(string orderId)
    {
        using var response = await Ops.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative));
        return await Json.Ok(response);
    }

    /// <summary>Issues the pick list of a single-warehouse order, picks, packs and ships it; answers the pick list id and the label.</summary>
    public async Task<(string PickListId, JsonObject Label)> Ship(string orderId, string carrier = "UPS")
    {
        using var issued = await Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
        using var picked = await Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/picked", UriKind.Relative), content: null);
        await Json.Ok(picked);
        using var packed = await Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/packed", UriKind.Relative), content: null);
        await Json.Ok(packed);
        using var shipped = await Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier });
        return (pickListId, await Json.Ok(shipped));
    }

    /// <summary>Asks for the order until it satisfies <paramref name="condition"/>: stock news reaches orders one way.</summary>
    public async Task<JsonObject> Eventually(string orderId, Func<JsonObject, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var order = await Order(orderId);
            if (condition(order))
            {
                return order;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Order {orderId} never got there; it is {order["status"]}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Asks <paramref name="read"/> until its answer satisfies <paramref name="condition"/> (news that travels one way).</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Never saw {what}; last answer: {value}");
            }

            await Task.Delay(50);
        }
    }

    // Both listeners are open at once, so the two ports differ; the silo binds them a moment later (a small race, accepted).
    private static (int Silo, int Gateway) TwoFreePorts()
    {
        using var silo = new TcpListener(IPAddress.Loopback, 0);
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        var ports = (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
        silo.Stop();
        gateway.Stop();
        return ports;
    }
}