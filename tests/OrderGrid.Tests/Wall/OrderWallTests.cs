using OrderGrid.Orders;
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