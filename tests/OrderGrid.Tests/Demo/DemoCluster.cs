using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Demo;
using OrderGrid.Orders;
using OrderGrid.Tests.Hosting;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Demo;

/// <summary>
/// A cluster (<see cref="TestClusters"/>) for the simulator's tests: a small catalog (some products dear enough for
/// review, one with no stock at all), little stock, and the simulator's staff and carriers working 400 times faster
/// than in life.
/// </summary>
public sealed class DemoCluster : GrainCluster<DemoCluster.Variant>
{
    public const int OrdersPerMinute = 600;

    private static readonly (string Sku, decimal Price, int Stock)[] Products =
    [
        ("DEMO-MUG", 2.5m, 40), ("DEMO-TIN", 4m, 40), ("DEMO-LAMP", 8m, 30), ("DEMO-STAND", 12.75m, 30),
        ("DEMO-BIN", 16.95m, 20), ("DEMO-CHAIR", 45m, 20), ("DEMO-TABLE", 120m, 10), ("DEMO-BENCH", 150m, 0),
    ];

    public IDemoTrafficGrain Simulator => Grains.GetGrain<IDemoTrafficGrain>("default");

    public OrderJournal Journal => Cluster.Primary is InProcessSiloHandle { SiloHost: { } silo }
        ? silo.Services.GetRequiredService<OrderJournal>()
        : throw new InvalidOperationException("The test silo runs in this process.");

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

    protected override async Task Started()
    {
        foreach (var (sku, price, stock) in Products)
        {
            await Define(sku, price);
            if (stock > 0)
            {
                await Receive("w1", sku, stock, $"opening:{sku}");
            }
        }
    }

    public sealed class Variant : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ArgumentNullException.ThrowIfNull(siloBuilder);
            siloBuilder.Services.Configure<FulfilmentOptions>(o =>
            {
                o.Carriers.Add("DHL");
                o.Carriers.Add("UPS");
            });
            siloBuilder.Services.Configure<ReviewOptions>(o => o.ValueThreshold = 5000m);
            siloBuilder.Services.Configure<DemoTrafficOptions>(o =>
            {
                o.OrdersPerMinute = OrdersPerMinute;
                o.TimeScale = 400;
                o.TickInterval = TimeSpan.FromMilliseconds(20);
                o.RandomSeed = 42;
            });
            siloBuilder.Services.AddSingleton<OrderJournal>();
            siloBuilder.Services.AddSingleton<IOrderChangeConsumer>(provider => provider.GetRequiredService<OrderJournal>());
        }
    }
}