using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using OrderGrid.Orders;

namespace OrderGrid.Tests.ReadModel;

/// <summary>
/// The real host on a database of its own (External mode) with one extra order change consumer that fails the
/// first <see cref="InjectedFailures"/> deliveries, so every test here runs through redelivery.
/// </summary>
public sealed class ReadModelHost : IAsyncLifetime, IAsyncDisposable
{
    public const int InjectedFailures = 5;

    private PostgresApp? app;
    private WebApplicationFactory<Program>? host;

    public FailingConsumer Failing { get; } = new(InjectedFailures);

    public NpgsqlDataSource Database { get; private set; } = null!;

    public HttpClient Customer { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("readmodelhost");
        app = new PostgresApp(connectionString);
        host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IOrderChangeConsumer>(Failing)));
        Database = NpgsqlDataSource.Create(connectionString);
        Customer = host.CreateClient();
        Ops = host.CreateClient();
        Ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PostgresApp.OpsKey);
        using var ready = await Customer.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Places a web order as <paramref name="customerId"/>, signed in with a customer token, and answers it.</summary>
    public async Task<JsonObject> Place(string customerId, params (string Sku, int Quantity)[] lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                email = $"{customerId}@example.com",
                channel = "web",
                lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
                shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
            }),
        };
        request.Headers.Add("Idempotency-Key", ApiCalls.Unique("order"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OrderGridApp.CustomerToken(host!.Services, customerId));
        using var response = await Customer.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    public async Task Cancel(string orderId)
    {
        using var response = await Ops.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "customer changed their mind" });
        await ApiCalls.Ok(response);
    }

    /// <summary>Issues, picks, packs and ships the single pick list of a reserved order.</summary>
    public async Task Ship(string orderId)
    {
        using var issued = await Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        var text = await issued.Content.ReadAsStringAsync();
        Assert.True(issued.StatusCode == HttpStatusCode.OK, text);
        var pickList = ApiCalls.Text(JsonNode.Parse(text)![0]!["id"]);
        foreach (var step in new[] { "picked", "packed" })
        {
            using var moved = await Ops.PostAsync(new Uri($"/api/pick-lists/{pickList}/{step}", UriKind.Relative), content: null);
            await ApiCalls.Ok(moved);
        }

        using var shipped = await Ops.PostAsJsonAsync($"/api/pick-lists/{pickList}/ship", new { carrier = "UPS" });
        await ApiCalls.Ok(shipped);
    }

    public async Task<long> Scalar(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}