using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Demo;

/// <summary>
/// The real host (<see cref="OrderGridHost"/>) with <c>OrderGrid:Demo:Simulate</c> on at <see cref="PaceAtStart"/>
/// orders a minute and no demo seed. The catalog stays empty, so the simulator places nothing here: these tests are
/// about switching it.
/// </summary>
public sealed class DemoApiHost : OrderGridHost
{
    public const int PaceAtStart = 30;

    /// <summary>What <c>GET /api/demo/simulation</c> answered once the host had started, before any test.</summary>
    public JsonObject StatusAtStart { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var status = await Planner.GetAsync(new Uri("/api/demo/simulation", UriKind.Relative));
        StatusAtStart = await Json.Ok(status);
    }

    public static Task<HttpResponseMessage> Switch(HttpClient client, object body) =>
        client.PutAsJsonAsync("/api/demo/simulation", body);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:Demo:Seed", "false");
        builder.UseSetting("OrderGrid:Demo:Simulate", "true");
        builder.UseSetting("OrderGrid:Demo:OrdersPerMinute", PaceAtStart.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:Planning:Train", "false");
    }
}