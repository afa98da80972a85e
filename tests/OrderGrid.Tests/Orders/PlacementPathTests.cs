using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Orders;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// What one placement costs, counted (docs/performance.md, "Lean placement path"): a 3-line order whose stock is at
/// the first of 3 warehouses.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class PlacementPathTests(PlacementPathCluster cluster) : IClassFixture<PlacementPathCluster>
{
    [Fact]
    public async Task Sourcing_asks_each_stock_grain_once_and_demands_only_where_it_reserves()
    {
        var skus = await Task.WhenAll(cluster.Stocked(5), cluster.Stocked(5), cluster.Stocked(5));
        var before = cluster.Counts.Snapshot();

        var order = await Place(skus);

        var counts = cluster.Counts.Since(before);
        Assert.Equal(OrderStatus.Reserved, order.Status);
        Assert.Equal(9, counts.GetValueOrDefault("sku-stock.PositionFor"));
        Assert.Equal(3, counts.GetValueOrDefault("sku-stock.Demand"));
        Assert.Equal(0, counts.GetValueOrDefault("sku-stock.GetLevel"));
        Assert.Equal(0, counts.GetValueOrDefault("sku-stock.AllocationFor"));
    }

    [Fact]
    public async Task The_answer_does_not_wait_for_the_change_feed_and_placed_and_reserved_are_delivered_together()
    {
        var skus = await Task.WhenAll(cluster.Stocked(5), cluster.Stocked(5), cluster.Stocked(5));
        cluster.Feed.Hold();
        OrderView order;
        try
        {
            // Held consumers would hold the answer too, if the placement waited for them.
            order = await Place(skus).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(OrderStatus.Reserved, order.Status);
            Assert.Empty(cluster.Feed.DeliveredFor(order.Id));

            // Reserved, but not delivered: a crash now must still find the order, which delivers when it is activated.
            Assert.True(cluster.Unfinished.IsMarked(order.Id));
        }
        finally
        {
            cluster.Feed.Release();
        }

        var delivered = await Delivered(order);
        var change = Assert.Single(delivered);
        Assert.Equal(0, change.FromVersion);
        Assert.Equal(OrderStatus.Reserved, change.Order.Status);
        await Polling.Until(() => cluster.Unfinished.IsMarked(order.Id), marked => !marked);
    }

    [Fact]
    public async Task A_placement_writes_the_order_twice_each_reserving_stock_grain_once_and_the_customer_once_and_tells_the_wall_once()
    {
        var skus = await Task.WhenAll(cluster.Stocked(5), cluster.Stocked(5), cluster.Stocked(5));
        var before = cluster.Counts.Snapshot();

        var order = await Place(skus);
        await Delivered(order);
        var counts = await Polling.Until(() => cluster.Counts.Since(before), c => c.GetValueOrDefault("order-wall.Track") > 0);

        Assert.Equal(2, counts.GetValueOrDefault("write.order"));
        Assert.Equal(3, counts.GetValueOrDefault("write.stock"));
        Assert.Equal(1, counts.GetValueOrDefault("write.customer"));
        Assert.Equal(1, counts.GetValueOrDefault("customer.RecordOrder"));
        Assert.Equal(1, counts.GetValueOrDefault("order-wall.Track"));
    }

    [Fact]
    public async Task An_order_found_unstored_spares_its_guest_and_its_outbox_a_read()
    {
        var skus = await Task.WhenAll(cluster.Stocked(5));
        var before = cluster.Counts.Snapshot();
        var orderId = OrderIds.New();
        var guest = GuestCustomers.For(orderId);

        // Called as an idempotency key's id is: nothing hinted the order new, so it reads and finds no row.
        var placed = await cluster.Grains.GetGrain<IOrderGrain>(orderId).Place(ClusterFixture.Request(guest, SalesChannel.Web, [(skus[0], 1)]));
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        await Delivered(placed.Value!.Order);
        var counts = cluster.Counts.Since(before);

        Assert.Equal(1, counts.GetValueOrDefault("read.order"));
        Assert.Equal(1, counts.GetValueOrDefault("fresh.customer"));
        Assert.Equal(0, counts.GetValueOrDefault("read.customer"));
        // This cluster has no notification fan-out: the outbox's hint waits for its first activation.
        Assert.True(cluster.Fresh.TryConsume(GrainStateNames.NotificationOutbox, orderId));
    }

    private async Task<OrderView> Place(string[] skus)
    {
        var request = ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, [.. skus.Select(s => (s, 1))]);
        var placed = await cluster.Grains.GetGrain<IOrderGrain>(OrderIds.New()).Place(request);
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        return placed.Value!.Order;
    }

    /// <summary>What the feed delivered of the order, once it has delivered the order's latest version.</summary>
    private Task<ImmutableArray<OrderChanged>> Delivered(OrderView order) =>
        Polling.Until(() => cluster.Feed.DeliveredFor(order.Id), d => d.Any(c => c.Order.Version == order.Version));
}