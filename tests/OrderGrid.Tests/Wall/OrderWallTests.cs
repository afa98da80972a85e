using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Wall;

namespace OrderGrid.Tests.Wall;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class OrderWallTests(ClusterFixture cluster)
{
    [Fact]
    public async Task The_wall_counts_every_order_once_by_status_and_channel()
    {
        var wall = cluster.Grains.GetGrain<IOrderWallGrain>("default");
        var cheap = await cluster.NewProduct(unitPrice: 5m);
        var dear = await cluster.NewProduct(unitPrice: 6_000m);
        await cluster.Receive("w1", cheap, 1);
        var before = await wall.Summary();

        var reserved = await Place(SalesChannel.Phone, cheap);
        var backordered = await Place(SalesChannel.Store, cheap);
        var held = await Place(SalesChannel.Phone, dear);
        var after = await Eventually(wall, async () =>
            (await wall.Queue(OrderStatus.Reserved, 1000)).Any(q => q.OrderId == reserved)
            && (await wall.Queue(OrderStatus.Backordered, 1000)).Any(q => q.OrderId == backordered)
            && (await wall.Queue(OrderStatus.AwaitingReview, 1000)).Any(q => q.OrderId == held));

        Assert.Equal(before.Total + 3, after.Total);
        Assert.Equal(before.ByChannel.GetValueOrDefault(SalesChannel.Phone) + 2, after.ByChannel[SalesChannel.Phone]);
        Assert.Equal(before.ByChannel.GetValueOrDefault(SalesChannel.Store) + 1, after.ByChannel[SalesChannel.Store]);
        Assert.Equal(after.Total, after.ByStatus.Values.Sum());
        Assert.Equal(after.Total, after.ByChannel.Values.Sum());
        Assert.InRange(after.PlacedLastMinute, 3, after.PlacedLastHour);
    }

    [Fact]
    public async Task A_wall_that_starts_after_stock_ran_out_shows_it_as_the_stock_grains_do()
    {
        // SKUs that sort first, so that they are among the stock-outs the alerts list (all loaded at one time).
        var neverStocked = await cluster.Define(ClusterFixture.Unique("0000-wall-never"));
        var ranOut = await cluster.Define(ClusterFixture.Unique("0000-wall-ran-out"));
        await cluster.Receive("w1", ranOut, 1);
        await Place(SalesChannel.Web, ranOut);
        Assert.True(StockOut.Is(await cluster.Grains.GetGrain<ISkuStockGrain>(StockKey.For("w1", ranOut)).GetLevel()));

        // Another key: a wall that activates now, after both ran out, and hears no news of them.
        var wall = cluster.Grains.GetGrain<IOrderWallGrain>(ClusterFixture.Unique("wall"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        WallSnapshot snapshot;
        while (!Shows(snapshot = await wall.Snapshot(), neverStocked) || !Shows(snapshot, ranOut))
        {
            Assert.True(DateTime.UtcNow < deadline, "The new wall never showed the stock-outs that were there before it.");
            await Task.Delay(50);
        }

        Assert.True(snapshot.StockOuts["w1"] >= 2);
        Assert.True(snapshot.StockOuts["w1"] >= snapshot.Alerts.Count(a => a.Kind == WallAlert.StockOut && a.WarehouseId == "w1"));

        static bool Shows(WallSnapshot snapshot, string sku) =>
            snapshot.Alerts.Any(a => a.Kind == WallAlert.StockOut && a.WarehouseId == "w1" && a.Sku == sku);
    }

    private async Task<string> Place(SalesChannel channel, string sku)
    {
        var orderId = OrderIds.New();
        var placed = await cluster.Place(orderId, ClusterFixture.Request(ClusterFixture.Unique("customer"), channel, (sku, 1)));
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        return orderId;
    }

    /// <summary>The wall hears of orders one way, so it is asked until it has caught up.</summary>
    private static async Task<OrderWallSummary> Eventually(IOrderWallGrain wall, Func<Task<bool>> caughtUp)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await caughtUp())
        {
            Assert.True(DateTime.UtcNow < deadline, "The wall never heard of the orders.");
            await Task.Delay(50);
        }

        return await wall.Summary();
    }
}