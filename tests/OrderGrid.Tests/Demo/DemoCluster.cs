using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Demo;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Tests.Grains;
using OrderGrid.Warehouses;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Demo;

/// <summary>
/// One in-process silo for the simulator's tests: a small catalog (some products dear enough for review, one with no
/// stock at all), little stock, and the simulator's staff and carriers working 400 times faster than in life.
/// </summary>
public sealed class DemoCluster : IAsyncLifetime
{
    public const int OrdersPerMinute = 600;

    private static readonly (string Sku, decimal Price, int Stock)[] Products =
    [
        ("DEMO-MUG", 2.5m, 40), ("DEMO-TIN", 4m, 40), ("DEMO-LAMP", 8m, 30), ("DEMO-STAND", 12.75m, 30),
        ("DEMO-BIN", 16.95m, 20), ("DEMO-CHAIR", 45m, 20), ("DEMO-TABLE", 120m, 10), ("DEMO-BENCH", 150m, 0),
    ];

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IDemoTrafficGrain Simulator => Grains.GetGrain<IDemoTrafficGrain>("default");

    public OrderJournal Journal => Cluster.Primary is InProcessSiloHandle { SiloHost: { } silo }
        ? silo.Services.GetRequiredService<OrderJournal>()
        : throw new InvalidOperationException("The test silo runs in this process.");

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var warehouses = Grains.GetGrain<IWarehouseDirectoryGrain>("default");
        await warehouses.Register(new Warehouse("w1", "Warehouse one", 1));
        await warehouses.Register(new Warehouse("w2", "Warehouse two", 2));
        foreach (var (sku, price, stock) in Products)
        {
            Assert.True((await Grains.GetGrain<IProductGrain>(sku).Define($"Product {sku}", price)).Succeeded);
            if (stock > 0)
            {
                var receipt = new StockReceipt(stock, "opening stock", Actor.Staff("ops-test"), $"opening:{sku}");
                Assert.True((await Grains.GetGrain<ISkuStockGrain>(StockKey.For("w1", sku)).Receive(receipt)).Succeeded);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Orders placed since <paramref name="since"/>, as the journal last saw them.</summary>
    public IReadOnlyList<OrderView> OrdersSince(DateTimeOffset since) => [.. Journal.Orders.Where(o => o.PlacedAt >= since)];

    /// <summary>Asks <paramref name="read"/> until <paramref name="condition"/> holds; fails after 30 s.</summary>
    public static async Task<T> Eventually<T>(Func<T> read, Func<T, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Never saw {what}.");
            }

            await Task.Delay(50);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            ClusterFixture.UseMemoryStorage(silo);
            silo.Services.Configure<FulfilmentOptions>(o =>
            {
                o.Carriers.Add("DHL");
                o.Carriers.Add("UPS");
            });
            silo.Services.Configure<ReviewOptions>(o => o.ValueThreshold = 5000m);
            silo.Services.Configure<DemoTrafficOptions>(o =>
            {
                o.OrdersPerMinute = OrdersPerMinute;
                o.TimeScale = 400;
                o.TickInterval = TimeSpan.FromMilliseconds(20);
                o.RandomSeed = 42;
            });
            silo.Services.AddSingleton<OrderJournal>();
            silo.Services.AddSingleton<IOrderChangeConsumer>(provider => provider.GetRequiredService<OrderJournal>());
            silo.Services.AddOrderGridGrains();
        }
    }
}