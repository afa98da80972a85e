using System.Collections.Concurrent;
using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// A one-silo cluster that counts what a placement costs: every grain call received (by grain type and method), every
/// state read and write (by state name; a read of a state hinted new, <see cref="FreshGrainKeys"/>, as <c>fresh.{name}</c>), and every order change the feed delivers. Its feed consumer can be held, to
/// show who waits for delivery; writes of the order state can be held too (<see cref="Writes"/>); its unfinished-orders list is kept in memory, to show when a mark goes. Memory storage;
/// warehouses w1 (tried first), w2 and w3.
/// </summary>
public sealed class PlacementPathCluster : GrainCluster<PlacementPathCluster.Counting>
{
    public PlacementCounts Counts => Services.GetRequiredService<PlacementCounts>();

    public HeldConsumer Feed => Services.GetRequiredService<HeldConsumer>();

    public MarkedOrders Unfinished => Services.GetRequiredService<MarkedOrders>();

    public HeldWrites Writes => Services.GetRequiredService<HeldWrites>();

    public FreshGrainKeys Fresh => Services.GetRequiredService<FreshGrainKeys>();

    protected override IEnumerable<Warehouse> Warehouses => [.. TestClusters.TwoWarehouses, new("w3", "Warehouse three", 3)];

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).SiloHost!.Services;

    /// <summary>A new product with <paramref name="units"/> received at w1 only; answers its SKU.</summary>
    public async Task<string> Stocked(int units)
    {
        var sku = await Define();
        await Receive("w1", sku, units);
        return sku;
    }

    public sealed class Counting : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ArgumentNullException.ThrowIfNull(siloBuilder);
            foreach (var provider in ImmutableArray.Create("Default", "orders", "stock", "customers", "catalog", "carts", "waves"))
            {
                // Registered after the memory providers, so these names resolve to the counting wrapper around them.
                siloBuilder.Services.AddGrainStorage(provider, (services, name) =>
                    new CountingStorage(MemoryGrainStorageFactory.Create(services, name), services.GetRequiredService<PlacementCounts>(), services.GetRequiredService<HeldWrites>(),
                        services.GetRequiredService<FreshGrainKeys>()));
            }

            siloBuilder.Services.AddSingleton(services =>
            {
                var fresh = new FreshGrainKeys(services.GetRequiredService<TimeProvider>());
                fresh.Follow();
                return fresh;
            });
            siloBuilder.Services.AddSingleton<PlacementCounts>();
            siloBuilder.Services.AddSingleton<HeldWrites>();
            siloBuilder.Services.Configure<FulfilmentOptions>(options => options.Carriers.Add("DHL"));
            siloBuilder.Services.AddSingleton<HeldConsumer>();
            siloBuilder.Services.AddSingleton<IOrderChangeConsumer>(services => services.GetRequiredService<HeldConsumer>());
            siloBuilder.Services.AddSingleton<MarkedOrders>();
            siloBuilder.Services.AddSingleton<IUnfinishedOrders>(services => services.GetRequiredService<MarkedOrders>());
            siloBuilder.AddIncomingGrainCallFilter<CountingCallFilter>();
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

    private sealed class CountingStorage(IGrainStorage inner, PlacementCounts counts, HeldWrites held, FreshGrainKeys fresh) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            // As OrderGrid's storage does, a read of a state hinted new is answered without asking the store: counted apart.
            counts.Add(fresh.TryConsume(stateName, grainId.Key.ToString()!) ? $"fresh.{stateName}" : $"read.{stateName}");
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Add($"write.{stateName}");
            await held.Before(stateName, grainId);
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            counts.Add($"clear.{stateName}");
            return inner.ClearStateAsync(stateName, grainId, grainState);
        }
    }
}