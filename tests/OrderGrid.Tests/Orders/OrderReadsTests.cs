using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Orders;

/// <summary>
/// An order's reads never wait behind its writes or its delivery (grains/Orders/OrderGrain.cs): they interleave and
/// answer the order as last stored. The waits below are liveness checks: without the rule each read would sit until
/// the held feed or write is released, and the 10 s wait would fail.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class OrderReadsTests(PlacementPathCluster cluster) : IClassFixture<PlacementPathCluster>
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(10);
    private static readonly Actor Ops = ClusterFixture.Ops;

    [Fact]
    public async Task A_read_answers_the_stored_order_while_its_delivery_waits_for_the_feed()
    {
        var sku = await cluster.Stocked(5);
        cluster.Feed.Hold();
        try
        {
            var placed = await Place(sku);
            await Polling.Until(() => cluster.Feed.HeldFor(placed.Id), held => held.Any(c => c.Order.Version == placed.Version));

            var read = await cluster.Order(placed.Id).Get().WaitAsync(Liveness);
            var forCustomer = await cluster.Order(placed.Id).GetForCustomer(placed.TrackingToken).WaitAsync(Liveness);

            Assert.Empty(cluster.Feed.DeliveredFor(placed.Id));
            Assert.Equal((OrderStatus.Reserved, placed.Version), (read!.Status, read.Version));
            Assert.Equal(placed.Version, forCustomer!.Version);
        }
        finally
        {
            cluster.Feed.Release();
        }
    }

    [Fact]
    public async Task After_sales_reads_a_delivered_order_while_the_feed_holds_its_delivery()
    {
        // The feed's consumers (here held; in a silo the feedback scheduler calls the after-sales grain) wait while the
        // order's delivery turn waits for them: the after-sales grain's read of the order must still answer.
        var sku = await cluster.Stocked(1);
        var placed = await Place(sku);
        var order = cluster.Order(placed.Id);
        var pickListId = (await order.IssuePickLists(Ops)).Value!.PickLists[0].Id;
        Assert.True((await order.MarkPicked(pickListId, Ops)).Succeeded);
        Assert.True((await order.MarkPacked(pickListId, Ops)).Succeeded);
        var label = (await order.Ship(pickListId, null, Ops)).Value!;
        await Polling.Until(() => cluster.Feed.DeliveredFor(placed.Id), d => d.Any(c => c.Order.Status == OrderStatus.Shipped));

        cluster.Feed.Hold();
        try
        {
            var now = DateTimeOffset.UtcNow;
            await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Record(new TrackingEvent(ShipmentStatus.Delivered, "Door", now, now, Actor.Carrier("DHL")));
            await Polling.Until(() => cluster.Feed.HeldFor(placed.Id), held => held.Any(c => c.Order.Status == OrderStatus.Delivered));

            var actions = await cluster.Grains.GetGrain<IOrderAfterSalesGrain>(placed.Id).AllowedActions().WaitAsync(Liveness);
            var feedback = await cluster.Grains.GetGrain<IOrderAfterSalesGrain>(placed.Id).Feedback().WaitAsync(Liveness);

            Assert.Contains(AfterSalesAction.RequestReturn, actions);
            Assert.True(feedback.Succeeded, feedback.Refusal?.Message);
            Assert.DoesNotContain(cluster.Feed.DeliveredFor(placed.Id), c => c.Order.Status == OrderStatus.Delivered);
        }
        finally
        {
            cluster.Feed.Release();
        }

        await Polling.Until(() => cluster.Feed.DeliveredFor(placed.Id), d => d.Any(c => c.Order.Status == OrderStatus.Delivered));
    }

    [Fact]
    public async Task A_read_during_a_write_answers_the_previous_stored_order_not_the_change_being_written()
    {
        var sku = await cluster.Stocked(5);
        var placed = await Place(sku);
        var order = cluster.Order(placed.Id);
        var writing = cluster.Writes.Hold(placed.Id);
        Task<Outcome<OrderView>> issuing;
        try
        {
            issuing = order.IssuePickLists(Ops);
            await writing.WaitAsync(Liveness);

            var during = await order.Get().WaitAsync(Liveness);

            Assert.Equal((OrderStatus.Reserved, placed.Version), (during!.Status, during.Version));
            Assert.Empty(during.PickLists);
        }
        finally
        {
            cluster.Writes.Release(placed.Id);
        }

        var issued = await issuing;
        var after = await order.Get();
        Assert.True(issued.Succeeded, issued.Refusal?.Message);
        Assert.Equal((issued.Value!.Version, issued.Value.Status), (after!.Version, after.Status));
        Assert.True(after.Version > placed.Version);
    }

    private async Task<OrderView> Place(string sku)
    {
        var request = ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (sku, 1));
        var placed = await cluster.Grains.GetGrain<IOrderGrain>(OrderIds.New()).Place(request);
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        return placed.Value!.Order;
    }
}