using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Carts;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Tests.Hosting;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Carts;

/// <summary>
/// A cluster (<see cref="TestClusters"/>) whose grains read a fake clock that tests advance: carts hold stock for 15
/// minutes, an hour at most from their first hold, 10 units a line and 15 a cart, with no share limit (the ledger's
/// tests cover it); warehouses w1 (tried first) and w2.
/// </summary>
public sealed class FakeClockCluster : GrainCluster<FakeClockCluster.Variant>
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan HoldAtMostFor = TimeSpan.FromHours(1);
    public const int MaxHeldPerLine = 10;
    public const int MaxHeldPerCart = 15;

    /// <summary>The silos of a test cluster run in this process: the variant hands them this very clock.</summary>
    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Defines a new product, receives the given stock, and answers its SKU.</summary>
    public async Task<string> NewProduct(params (string WarehouseId, int Quantity)[] stock)
    {
        var sku = await Define();
        foreach (var (warehouseId, quantity) in stock)
        {
            await Receive(warehouseId, sku, quantity);
        }

        return sku;
    }

    public sealed class Variant : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ArgumentNullException.ThrowIfNull(siloBuilder);
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);

            // Due work is scanned by hand (WakeDueGrains), at the moments the tests choose on the fake clock.
            siloBuilder.Services.Configure<DueWorkOptions>(o => o.Scan = false);
            siloBuilder.Services.Configure<CartOptions>(o =>
            {
                o.HoldFor = HoldFor;
                o.HoldAtMostFor = HoldAtMostFor;
                o.MaxHeldPerLine = MaxHeldPerLine;
                o.MaxHeldPerCart = MaxHeldPerCart;
                o.MaxHeldShare = 1;
            });
        }
    }
}