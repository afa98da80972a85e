using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Carts;
using OrderGrid.Stock;
using OrderGrid.Tests.Grains;
using OrderGrid.Warehouses;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Scheduling;

/// <summary>
/// One in-process silo whose grains read a fake clock that tests advance: carts hold stock for 15 minutes, an hour at
/// most from their first hold, 10 units a line and 15 a cart, with no share limit (the ledger's tests cover it);
/// warehouses w1 (tried first) and w2. Tests share it, so each one uses its own SKUs and customers.
/// </summary>
public sealed class FakeClockCluster : IAsyncLifetime
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan HoldAtMostFor = TimeSpan.FromHours(1);
    public const int MaxHeldPerLine = 10;
    public const int MaxHeldPerCart = 15;

    /// <summary>The silos of a test cluster run in this process: the configurator hands them this very clock.</summary>
    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var warehouses = Grains.GetGrain<IWarehouseDirectoryGrain>("default");
        await warehouses.Register(new Warehouse("w1", "Warehouse one", 1));
        await warehouses.Register(new Warehouse("w2", "Warehouse two", 2));
        await ReminderServiceReady();
    }

    /// <summary>
    /// Orleans' reminder service reads this silo's clock too: when its first load of the reminder table is slow (a
    /// loaded machine), it waits to try again on the fake clock, which no test has moved yet, and every cart hold
    /// then fails with "Reminder Service is still initializing". A cart hold (it registers a reminder) is tried until
    /// it works, the clock moved on a minute after each refusal.
    /// </summary>
    private async Task ReminderServiceReady()
    {
        var sku = await NewProduct(("w1", 1));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Cart(ClusterFixture.Unique("probe")).SetQuantity(sku, 1);
                return;
            }
            catch (OrleansException) when (attempt < 10)
            {
                Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    public ICartGrain Cart(string cartId) => Grains.GetGrain<ICartGrain>(cartId);

    public ISkuStockGrain Stock(string warehouseId, string sku) => Grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));

    public async Task<string> NewProduct(params (string WarehouseId, int Quantity)[] stock)
    {
        var sku = ClusterFixture.Unique("sku");
        var defined = await Grains.GetGrain<Catalog.IProductGrain>(sku).Define($"Product {sku}", 10m);
        Assert.True(defined.Succeeded, defined.Refusal?.Message);
        foreach (var (warehouseId, quantity) in stock)
        {
            var received = await Stock(warehouseId, sku).Receive(new StockReceipt(quantity, "delivery", ClusterFixture.Ops, ClusterFixture.Unique("receipt")));
            Assert.True(received.Succeeded, received.Refusal?.Message);
        }

        return sku;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            ClusterFixture.UseMemoryStorage(silo);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.Configure<CartOptions>(o =>
            {
                o.HoldFor = HoldFor;
                o.HoldAtMostFor = HoldAtMostFor;
                o.MaxHeldPerLine = MaxHeldPerLine;
                o.MaxHeldPerCart = MaxHeldPerCart;
                o.MaxHeldShare = 1;
            });
            silo.Services.AddOrderGridGrains();
        }
    }
}