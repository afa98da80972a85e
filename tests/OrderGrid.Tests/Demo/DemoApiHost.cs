using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using OrderGrid.Api;
using OrderGrid.Api.Demo;
using OrderGrid.Silo.Demo;
using OrderGrid.Tests.Http;

namespace OrderGrid.Tests.Demo;

/// <summary>
/// A web host with the API's authentication, problem details and JSON, a co-hosted silo with in-memory storage, the
/// demo endpoints under <c>/api/demo</c>, and the simulator's starter with <c>OrderGrid:Demo:Simulate</c> on. The
/// catalog stays empty, so the simulator places nothing here: these tests are about switching it.
/// </summary>
public sealed class DemoApiHost : IAsyncLifetime
{
    public const int PaceAtStart = 30;

    private WebApplication _app = null!;

    public HttpClient Customer { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public HttpClient Planner { get; private set; } = null!;

    /// <summary>What <c>GET /api/demo/simulation</c> answered once the host had started, before any test.</summary>
    public JsonObject StatusAtStart { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderGrid:Auth:ApiKeys:0:Name"] = "demo-ops",
            ["OrderGrid:Auth:ApiKeys:0:Role"] = "ops",
            ["OrderGrid:Auth:ApiKeys:0:Key"] = OrderGridApp.OpsKey,
            ["OrderGrid:Auth:ApiKeys:1:Name"] = "demo-planner",
            ["OrderGrid:Auth:ApiKeys:1:Role"] = "planner",
            ["OrderGrid:Auth:ApiKeys:1:Key"] = OrderGridApp.PlannerKey,
            ["OrderGrid:Demo:Simulate"] = "true",
            ["OrderGrid:Demo:OrdersPerMinute"] = PaceAtStart.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var (siloPort, gatewayPort) = TwoFreePorts();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            foreach (var provider in ImmutableArray.Create("orders", "stock", "shipments", "catalog", "customers", "carts"))
            {
                silo.AddMemoryGrainStorage(provider);
            }

            silo.UseInMemoryReminderService();
        });
        builder.Services.AddOrderGridGrains();
        builder.Services.AddOrderGridApi(builder.Configuration, builder.Environment);
        builder.Services.AddDemoTraffic();

        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGroup("/api/demo").MapDemo();
        await _app.StartAsync();

        Customer = _app.GetTestClient();
        Ops = WithKey(OrderGridApp.OpsKey);
        Planner = WithKey(OrderGridApp.PlannerKey);
        using var status = await Planner.GetAsync(new Uri("/api/demo/simulation", UriKind.Relative));
        StatusAtStart = await Json.Ok(status);
    }

    public async Task DisposeAsync()
    {
        Customer.Dispose();
        Ops.Dispose();
        Planner.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static Task<HttpResponseMessage> Switch(HttpClient client, object body) =>
        client.PutAsJsonAsync("/api/demo/simulation", body);

    private HttpClient WithKey(string apiKey)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private static (int Silo, int Gateway) TwoFreePorts()
    {
        using var silo = new TcpListener(IPAddress.Loopback, 0);
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        return (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
    }
}