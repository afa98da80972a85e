using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Tests.Hosting;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// The cluster most grain tests share (<see cref="TestClusters"/>): carriers DHL and UPS, orders complete 2 s after
/// delivery, orders above 5,000 wait for review, reminders as often as every second, warehouses w1 (tried first) and w2.
/// </summary>
public sealed class ClusterFixture : GrainCluster<ClusterFixture.Variant>
{
    public static readonly TimeSpan CompleteAfter = TimeSpan.FromSeconds(2);

    public static readonly Address ShipTo = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB");

    public static readonly Actor Ops = TestClusters.Ops;

    /// <summary>A name no other test uses, e.g. <c>sku-3f2a…</c>.</summary>
    public static string Unique(string prefix) => TestClusters.Unique(prefix);

    /// <summary>Defines a new product with a unique SKU and answers the SKU.</summary>
    public Task<string> NewProduct(decimal unitPrice = 10m) => Define(unitPrice: unitPrice);

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

    public sealed class Variant : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ArgumentNullException.ThrowIfNull(siloBuilder);
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.Services.Configure<FulfilmentOptions>(o =>
            {
                o.Carriers.Add("DHL");
                o.Carriers.Add("UPS");
                o.CompleteAfter = CompleteAfter;
            });
            siloBuilder.Services.Configure<ReviewOptions>(o => o.ValueThreshold = 5000m);
        }
    }
}