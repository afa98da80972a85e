using System.Collections.Concurrent;
using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Tests.Grains;
using OrderGrid.Warehouses;

using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// A one-silo cluster that counts what a placement costs: every grain call received (by grain type and method), every
/// state read and write (by state name), and every order change the feed delivers. Its feed consumer can be held, to
/// show who waits for delivery; its unfinished-orders list is kept in memory, to show when a mark goes. Memory storage;
/// warehouses w1 (tried first), w2 and w3.
/// </summary>
public sealed class PlacementPathCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public PlacementCounts Counts => Services.GetRequiredService<PlacementCounts>();

    public HeldConsumer Feed => Services.GetRequiredService<HeldConsumer>();

    public MarkedOrders Unfinished => Services.GetRequiredService<MarkedOrders>();

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).SiloHost!.Services;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var warehouses = Grains.GetGrain<IWarehouseDirectoryGrain>("default");
        await warehouses.Register(new Warehouse("w1", "Warehouse one", 1));
        await warehouses.Register(new Warehouse("w2", "Warehouse two", 2));
        await warehouses.Register(new Warehouse("w3", "Warehouse three", 3));
    }

    public async Task DisposeAsync()
    {
        Feed.Release();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>A new product with <paramref name="units"/> received at w1 only; answers its SKU.</summary>
    public async Task<string> Stocked(int units)
    {
        var sku = ClusterFixture.Unique("sku");
        var defined = await Grains.GetGrain<IProductGrain>(sku).Define($"Product {sku}", 10m);
        Assert.True(defined.Succeeded, defined.Refusal?.Message);
        var received = await Grains.GetGrain<ISkuStockGrain>(StockKey.For("w1", sku)).Receive(new StockReceipt(units, "delivery", ClusterFixture.Ops, ClusterFixture.Unique("receipt")));
        Assert.True(received.Succeeded, received.Refusal?.Message);
        return sku;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            ClusterFixture.UseMemoryStorage(silo);
            foreach (var provider in ImmutableArray.Create("Default", "orders", "stock", "customers", "catalog", "carts", "waves"))
            {
                // Registered after the memory providers, so these names resolve to the counting wrapper around them.
                silo.Services.AddGrainStorage(provider, (services, name) =>
                    new CountingStorage(MemoryGrainStorageFactory.Create(services, name), services.GetRequiredService<PlacementCounts>()));
            }

            silo.Services.AddSingleton<PlacementCounts>();
            silo.Services.AddSingleton<HeldConsumer>();
            silo.Services.AddSingleton<IOrderChangeConsumer>(services => services.GetRequiredService<HeldConsumer>());
            silo.Services.AddSingleton<MarkedOrders>();
            silo.Services.AddSingleton<IUnfinishedOrders>(services => services.GetRequiredService<MarkedOrders>());
            silo.AddIncomingGrainCallFilter<CountingCallFilter>();
            silo.Services.AddOrderGridGrains();
        }
    }

    private sealed class CountingCallFilter(PlacementCounts counts) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            counts.Add($"{context.TargetId.Type}.{context.InterfaceMethod?.Name}");
            return context.Invoke();
        }
    }

    private sealed class CountingStorage(IGrainStorage inner, PlacementCounts counts) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Add($"read.{stateName}");
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Add($"write.{stateName}");
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Add($"clear.{stateName}");
            return inner.ClearStateAsync(stateName, grainId, grainState);
        }
    }
}