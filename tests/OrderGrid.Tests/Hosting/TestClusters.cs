using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Carts;
using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Silo.Hosting;
using OrderGrid.Silo.Storage;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// The one way tests build an Orleans TestingHost cluster: one in-process silo, every grain storage provider and
/// reminders in memory as the InMemory mode has them (with the due-work scanner), the variant's own services and options (<c>TVariant</c>: a fake clock, carriers, a
/// notification sender, …), OrderGrid's grains, and the warehouses registered. <see cref="GrainCluster{TVariant}"/>
/// is the fixture made of it; each shared cluster is a thin class over that.
/// </summary>
public static class TestClusters
{
    /// <summary>w1 (tried first) and w2.</summary>
    public static readonly ImmutableArray<Warehouse> TwoWarehouses = [new("w1", "Warehouse one", 1), new("w2", "Warehouse two", 2)];

    /// <summary>The staff member tests act as.</summary>
    public static readonly Actor Ops = Actor.Staff("ops-test");

    /// <summary>A name no other test uses, e.g. <c>sku-3f2a…</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Deploys a one-silo cluster of <typeparamref name="TVariant"/> and registers <paramref name="warehouses"/>.</summary>
    public static async Task<TestCluster> Start<TVariant>(IEnumerable<Warehouse> warehouses)
        where TVariant : ISiloConfigurator, new()
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Silo<TVariant>>();
        var cluster = builder.Build();
        await cluster.DeployAsync();

        var directory = cluster.GrainFactory.GetGrain<IWarehouseDirectoryGrain>("default");
        foreach (var warehouse in warehouses)
        {
            await directory.Register(warehouse);
        }

        return cluster;
    }

    public static async Task Stop(TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    /// <summary>Every grain storage provider the grains name, the due-work scanner and reminders, in memory (the InMemory mode's wiring).</summary>
    public static void UseMemoryStorage(ISiloBuilder silo) => silo.UseOrderGridMemoryStorage(OrderGridSiloExtensions.StorageProviders);

    /// <summary>The due-work scanner of <paramref name="cluster"/>'s first silo.</summary>
    public static DueGrainScanner Scanner(TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var silo = cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("The test cluster's silos run in this process.");
        return silo.SiloHost.Services.GetRequiredService<DueGrainScanner>();
    }

    // What every test silo is; the variant adds its services before the grains, which only add what is missing.
    private sealed class Silo<TVariant> : ISiloConfigurator
        where TVariant : ISiloConfigurator, new()
    {
        public void Configure(ISiloBuilder silo)
        {
            UseMemoryStorage(silo);
            new TVariant().Configure(silo);
            silo.Services.AddOrderGridGrains();
        }
    }
}

/// <summary>
/// A shared cluster fixture built by <see cref="TestClusters"/>, with the grain calls its tests share. Tests share
/// it, so each one uses its own SKUs, customers and order ids.
/// </summary>
public abstract class GrainCluster<TVariant> : IAsyncLifetime
    where TVariant : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The warehouses registered at start: <see cref="TestClusters.TwoWarehouses"/> unless the variant says otherwise.</summary>
    protected virtual IEnumerable<Warehouse> Warehouses => TestClusters.TwoWarehouses;

    public async Task InitializeAsync()
    {
        await Starting();
        Cluster = await TestClusters.Start<TVariant>(Warehouses);
        await Started();
    }

    public Task DisposeAsync() => TestClusters.Stop(Cluster);

    public IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>(orderId);

    public ICartGrain Cart(string cartId) => Grains.GetGrain<ICartGrain>(cartId);

    /// <summary>One scan of the silo's due work, as its timer runs it: wakes every grain whose wake-up time has passed by the silo's clock.</summary>
    public Task<int> WakeDueGrains() => TestClusters.Scanner(Cluster).ScanAsync();

    public ISkuStockGrain Stock(string warehouseId, string sku) => Grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));

    /// <summary>Defines <paramref name="sku"/> (a new unique one if none), failing the test if it is refused; answers the SKU.</summary>
    public async Task<string> Define(string? sku = null, decimal unitPrice = 10m)
    {
        sku ??= TestClusters.Unique("sku");
        var defined = await Grains.GetGrain<IProductGrain>(sku).Define($"Product {sku}", unitPrice);
        Assert.True(defined.Succeeded, defined.Refusal?.Message);
        return sku;
    }

    /// <summary>Records goods received, failing the test if they are refused; answers the stock level after it.</summary>
    public async Task<StockLevel> Receive(string warehouseId, string sku, int quantity, string? receiptId = null)
    {
        var receipt = new StockReceipt(quantity, "delivery", TestClusters.Ops, receiptId ?? TestClusters.Unique("receipt"));
        var received = await Stock(warehouseId, sku).Receive(receipt);
        Assert.True(received.Succeeded, received.Refusal?.Message);
        return received.Value!;
    }

    /// <summary>Runs before the cluster starts: what its silo reads at start.</summary>
    protected virtual Task Starting() => Task.CompletedTask;

    /// <summary>Runs once the cluster is up and its warehouses are registered: seed data, readiness probes.</summary>
    protected virtual Task Started() => Task.CompletedTask;
}