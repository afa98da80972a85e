using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Silo.Seed;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// A live site as a planner finds it after a first start of the demo: PostgreSQL storage (a database of the test
/// run's server), the demo catalog, stock and real sales history seeded, and the first model version trained from that
/// history before it is handed out. Seeding and training take minutes, so one site serves the whole test run
/// (<see cref="Shared"/>): the served-forecast test and the planner page's pictures of real forecasts and restock. Like
/// the run's PostgreSQL server it lives until the test process ends; tests that change it change only today's stock.
/// </summary>
public sealed class DemoPlanningSite : LiveSite
{
    private static readonly Lazy<Task<DemoPlanningSite>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private string connectionString = "";

    private DemoPlanningSite()
    {
    }

    /// <summary>The run's demo site, started and trained on first use.</summary>
    public static Task<DemoPlanningSite> Shared => Instance.Value;

    public string ConnectionString => connectionString;

    public override async Task InitializeAsync()
    {
        connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("demo_planning_site");
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoHistory>().Ready.WaitAsync(TimeSpan.FromMinutes(5));
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            var status = await Get("/api/planning/models", PlannerKey);
            Assert.True(status["lastError"] is null, $"Training failed: {status["lastError"]}");
            if (status["current"] is JsonObject && !(bool)status["running"]!)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "No model version trained from the demo history within 20 minutes.");
            await Task.Delay(1_000);
        }
    }

    private static async Task<DemoPlanningSite> StartAsync()
    {
        var site = new DemoPlanningSite();
        await site.InitializeAsync();
        return site;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:Storage:Mode", "External");
        builder.UseSetting("ConnectionStrings:OrderGrid", connectionString);
        builder.UseSetting("OrderGrid:Demo:Seed", "true");
        builder.UseSetting("OrderGrid:Planning:Train", "true");
    }
}