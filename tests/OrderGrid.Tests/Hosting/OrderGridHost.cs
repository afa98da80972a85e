using System.Net;
using System.Net.Http.Headers;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Tests.Security;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// The one way tests start the real OrderGrid host (<c>silo/Program.cs</c>: API, hubs, pages, co-hosted silo): in
/// Development with the demo staff keys, in-memory storage, the demo catalog and stock seeded, the order simulation
/// off, Orleans ports picked free, generous public rate limits. In memory (<c>TestServer</c>) unless made with
/// <c>kestrel: true</c>, then on a free loopback port for a browser. A variant overrides
/// <see cref="ConfigureWebHost"/>, calls the base and adds its own settings, which win.
/// </summary>
public class OrderGridHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OpsKey = "demo-ops-key-0000000001";
    public const string PlannerKey = "demo-planner-key-00000001";
    public const string AdminKey = "demo-admin-key-000000001";

    private readonly bool kestrel;
    private readonly List<HttpClient> clients = [];

    public OrderGridHost()
        : this(kestrel: false)
    {
    }

    protected OrderGridHost(bool kestrel)
    {
        this.kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>Where the host answers: <c>http://localhost</c> in memory, e.g. <c>http://127.0.0.1:40123</c> on Kestrel.</summary>
    public Uri Address { get; private set; } = new("http://localhost");

    /// <summary>No Authorization header: a customer.</summary>
    public HttpClient Customer { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public HttpClient Planner { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Starts the host and waits until it is ready (hosted services such as the seed have run).</summary>
    public virtual async Task InitializeAsync()
    {
        if (kestrel)
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        }

        Customer = Client(apiKey: null);
        Ops = Client(OpsKey);
        Planner = Client(PlannerKey);
        Admin = Client(AdminKey);
        using var ready = await Customer.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"Not ready: {(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client of the host with <paramref name="apiKey"/> as its bearer key (none: a customer); disposed with the host.</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = kestrel ? new HttpClient { BaseAddress = Address } : CreateClient();
        clients.Add(client);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("OrderGrid:Cluster:SiloPort", "0");
        builder.UseSetting("OrderGrid:Cluster:GatewayPort", "0");
        builder.UseSetting("OrderGrid:Storage:Mode", "InMemory");
        builder.UseSetting("OrderGrid:Demo:Simulate", "false");
        builder.UseSetting("OrderGrid:Demo:Seed", "true");
        builder.WithGenerousRateLimits();
    }
}