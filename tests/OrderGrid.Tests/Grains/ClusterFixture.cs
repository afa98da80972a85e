using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Grains;

/// <summary>
/// One in-process silo shared by every grain test: in-memory storage and reminders, carriers DHL and UPS, orders
/// complete 2 s after delivery, orders above 5,000 wait for review, warehouses w1 (tried first) and w2.
/// Tests share it, so each one uses its own SKUs, customers and order ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan CompleteAfter = TimeSpan.FromSeconds(2);

    public static readonly Address ShipTo = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB");

    public static readonly Actor Ops = Actor.Staff("ops-test");

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
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>A name no other test uses, e.g. <c>sku-3f2a…</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>(orderId);

    public ISkuStockGrain Stock(string warehouseId, string sku) => Grains.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));

    /// <summary>Defines a new product with a unique SKU and answers the SKU.</summary>
    public async Task<string> NewProduct(decimal unitPrice = 10m)
    {
        var sku = Unique("sku");
        var defined = await Grains.GetGrain<IProductGrain>(sku).Define($"Product {sku}", unitPrice);
        Assert.True(defined.Succeeded, defined.Refusal?.Message);
        return sku;
    }

    public async Task<StockLevel> Receive(string warehouseId, string sku, int quantity)
    {
        var received = await Stock(warehouseId, sku).Receive(new StockReceipt(quantity, "delivery", Ops, Unique("receipt")));
        Assert.True(received.Succeeded, received.Refusal?.Message);
        return received.Value!;
    }

    public static PlaceOrder Request(string customerId, SalesChannel channel, params (string Sku, int Quantity)[] lines) =>
        new(customerId, $"{customerId}@example.com", null, channel,
            [.. lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))], ShipTo, Actor.Customer(customerId));

    public Task<Outcome<OrderPlacement>> Place(string orderId, PlaceOrder request) => Order(orderId).Place(request);

    /// <summary>Places an order for a new customer through the web shop and answers it, failing the test if it is refused.</summary>
    public async Task<OrderView> Place(params (string Sku, int Quantity)[] lines)
    {
        var placed = await Place(OrderIds.New(), Request(Unique("customer"), SalesChannel.Web, lines));
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        return placed.Value!.Order;
    }

    /// <summary>Asks the order until it satisfies <paramref name="condition"/>: some news reaches orders one way.</summary>
    public async Task<OrderView> Eventually(string orderId, Func<OrderView, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var order = await Order(orderId).Get();
            Assert.NotNull(order);
            if (condition(order))
            {
                return order;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Order {orderId} never got there; it is {order.Status}: {string.Join(" | ", order.Timeline.Select(e => e.Kind))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every grain storage provider the grains name, and reminders, in memory.</summary>
    public static void UseMemoryStorage(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorageAsDefault();
        foreach (var provider in ImmutableArray.Create("orders", "stock", "shipments", "catalog", "customers", "carts", "planning", "webhooks", "notifications", "aftersales", "waves", "merges"))
        {
            silo.AddMemoryGrainStorage(provider);
        }

        silo.UseInMemoryReminderService();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            UseMemoryStorage(silo);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<FulfilmentOptions>(o =>
            {
                o.Carriers.Add("DHL");
                o.Carriers.Add("UPS");
                o.CompleteAfter = CompleteAfter;
            });
            silo.Services.Configure<ReviewOptions>(o => o.ValueThreshold = 5000m);
            silo.Services.AddOrderGridGrains();
        }
    }
}