using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Tests.Hosting;

using Orleans.Configuration;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// The real OrderGrid host (<see cref="OrderGridHost"/>) in External storage mode on a test database: OrderGrid grain
/// storage, reminders and clustering, migrated at start (Development). No demo data, no planning training; then
/// <paramref name="settings"/>. Several instances on one database form one cluster. Membership timeouts are short so
/// that a node that stops is noticed within seconds.
/// </summary>
public sealed class PostgresApp(string connectionString, params (string Key, string Value)[] settings) : OrderGridHost
{
    /// <summary>
    /// The identity secret of every host this test run starts on PostgreSQL (one per run, so nodes of one cluster agree),
    /// instead of the default key file beside the system's embedded database folder.
    /// </summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string ConnectionString { get; } = connectionString;

    /// <summary>Services a test replaces or adds, after the host's own (e.g. a store that records what it is asked).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Starts the host (silo joined, schema migrated) and answers it.</summary>
    public async Task<PostgresApp> StartedAsync()
    {
        await InitializeAsync();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:Storage:Mode", "External");
        builder.UseSetting("OrderGrid:Identity:SigningKey", SigningKey);
        builder.UseSetting("ConnectionStrings:OrderGrid", ConnectionString);
        builder.UseSetting("OrderGrid:Demo:Seed", "false");
        // No planning reminder or training unless a test asks: they would add to the reminder table and the load.
        builder.UseSetting("OrderGrid:Planning:Train", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = TimeSpan.FromSeconds(1);
                membership.NumMissedProbesLimit = 2;
                membership.NumVotesForDeathDeclaration = 1;
                membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            });
            TestServices?.Invoke(services);
        });
    }
}

/// <summary>The API calls the storage tests make, as a client writes them.</summary>
public static class ApiCalls
{
    public static readonly string[] Warehouses = ["uk-north", "uk-south", "eu-central"];

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 40)];

    /// <summary>Defines a product and receives <paramref name="quantity"/> of it in <paramref name="warehouseId"/>; answers the SKU.</summary>
    public static async Task<string> Product(HttpClient ops, string warehouseId, int quantity, decimal unitPrice = 10m)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var sku = Unique("sku");
        using var defined = await ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = $"Product {sku}", unitPrice });
        await Ok(defined);
        if (quantity > 0)
        {
            using var received = await ops.PostAsJsonAsync($"/api/stock/{warehouseId}/{sku}/receipts", new { quantity, reason = "delivery" });
            await Ok(received);
        }

        return sku;
    }

    /// <summary>Places a web order for <paramref name="quantity"/> of <paramref name="sku"/>; answers the created order.</summary>
    public static async Task<JsonObject> PlaceOrder(HttpClient client, string sku, int quantity)
    {
        ArgumentNullException.ThrowIfNull(client);
        var customerId = Unique("customer");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                email = $"{customerId}@example.com",
                channel = "web",
                lines = new[] { new { sku, quantity } },
                shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Unique("order"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    public static async Task<JsonObject> Get(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await Ok(response);
    }

    public static Task<JsonObject> Order(HttpClient ops, string orderId) => Get(ops, $"/api/orders/{orderId}");

    public static Task<JsonObject> Stock(HttpClient ops, string warehouseId, string sku) => Get(ops, $"/api/stock/{warehouseId}/{sku}");

    public static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("Missing string value.");

    public static JsonArray Array(JsonNode? node) => node as JsonArray ?? throw new Xunit.Sdk.XunitException("Missing array value.");

    public static int Number(JsonNode? node) => node?.GetValue<int>() ?? throw new Xunit.Sdk.XunitException("Missing number value.");

    /// <summary>Reads until <paramref name="condition"/> holds (news that travels one way, a node being declared dead).</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Exception? last = null;
        while (true)
        {
            try
            {
                var value = await read();
                if (condition(value))
                {
                    return value;
                }

                last = new InvalidOperationException($"last answer: {value}");
            }
            catch (Exception exception) when (exception is HttpRequestException or Xunit.Sdk.XunitException or TaskCanceledException)
            {
                last = exception;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture, $"Never saw {what} within {seconds} s; {last?.Message}"));
            }

            await Task.Delay(100);
        }
    }
}