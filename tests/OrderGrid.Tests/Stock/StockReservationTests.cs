using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Stock;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class StockReservationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Two_hundred_concurrent_orders_for_fifty_units_reserve_exactly_fifty_and_backorder_the_rest()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 50);
        var ids = Enumerable.Range(0, 200).Select(_ => OrderIds.New()).ToArray();

        var placements = await Task.WhenAll(ids.Select(id =>
            cluster.Place(id, ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (sku, 1)))));

        Assert.All(placements, p => Assert.True(p.Succeeded, p.Refusal?.Message));
        var orders = placements.Select(p => p.Value!.Order).ToArray();
        Assert.Equal(50, orders.Count(o => o.Status == OrderStatus.Reserved));
        Assert.Equal(150, orders.Count(o => o.Status == OrderStatus.Backordered));
        Assert.All(orders, o => Assert.Equal(
            o.Status == OrderStatus.Reserved ? (1, 0) : (0, 1),
            (o.Lines[0].ReservedQuantity, o.Lines[0].BackorderedQuantity)));

        var w1 = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((50, 50, 0, 150), (w1.OnHand, w1.Reserved, w1.Available, w1.Backordered));
        Assert.Equal(w1.OnHand, w1.Available + w1.Reserved);
        var w2 = await cluster.Stock("w2", sku).GetLevel();
        Assert.Equal((0, 0, 0, 0), (w2.OnHand, w2.Reserved, w2.Available, w2.Backordered));

        var held = await Task.WhenAll(orders.Select(o => cluster.Stock("w1", sku).AllocationFor(o.Id)));
        Assert.All(orders.Zip(held), x => Assert.Equal(
            (x.First.Lines[0].ReservedQuantity, x.First.Lines[0].BackorderedQuantity),
            (x.Second.Reserved, x.Second.Backordered)));
    }

    [Fact]
    public async Task A_resumed_reservation_reuses_what_the_order_already_holds_instead_of_reserving_twice()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 5);
        await cluster.Receive("w2", sku, 10);
        var orderId = OrderIds.New();
        // An earlier attempt reached the stock grain, then the order crashed before recording the answer.
        await cluster.Stock("w1", sku).Demand(new StockDemand(orderId, 5, Backorder: false, DateTimeOffset.UtcNow));

        var placed = await cluster.Place(orderId, ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (sku, 5)));

        Assert.Equal(OrderStatus.Reserved, placed.Value!.Order.Status);
        var w1 = await cluster.Stock("w1", sku).GetLevel();
        var w2 = await cluster.Stock("w2", sku).GetLevel();
        Assert.Equal((5, 0), (w1.Reserved, w2.Reserved));
        Assert.Equal("w1", Assert.Single(placed.Value.Order.Lines[0].Allocations).WarehouseId);
    }

    [Fact]
    public async Task Reserving_again_for_the_same_order_changes_nothing()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 5);
        var order = await cluster.Place((sku, 2));
        var stock = cluster.Stock("w1", sku);
        var levelBefore = await stock.GetLevel();
        var allocationBefore = await stock.AllocationFor(order.Id);

        var again = await stock.Demand(new StockDemand(order.Id, 2, Backorder: true, order.PlacedAt));

        Assert.Equal(OrderStatus.Reserved, order.Status);
        Assert.Equal(allocationBefore, again);
        Assert.Equal(levelBefore, await stock.GetLevel());
        Assert.Equal((5, 2, 3), (levelBefore.OnHand, levelBefore.Reserved, levelBefore.Available));
    }

    [Fact]
    public async Task Releasing_the_same_order_twice_releases_once()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 5);
        var stock = cluster.Stock("w1", sku);
        var orderId = OrderIds.New();
        await stock.Demand(new StockDemand(orderId, 3, Backorder: true, DateTimeOffset.UtcNow));
        await stock.Demand(new StockDemand(OrderIds.New(), 1, Backorder: true, DateTimeOffset.UtcNow));

        var once = await stock.Release(orderId);
        var levelAfterOnce = await stock.GetLevel();
        var twice = await stock.Release(orderId);

        Assert.Equal((0, 0), (once.Reserved, once.Backordered));
        Assert.Equal(once, twice);
        Assert.Equal(levelAfterOnce, await stock.GetLevel());
        Assert.Equal((5, 1, 4), (levelAfterOnce.OnHand, levelAfterOnce.Reserved, levelAfterOnce.Available));
    }

    [Fact]
    public async Task Cancelling_an_order_releases_its_stock_exactly_once()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var other = await cluster.Place((sku, 2));
        var order = await cluster.Place((sku, 3));
        var stock = cluster.Stock("w1", sku);

        var cancelled = await cluster.Order(order.Id).Cancel("changed my mind", Actor.Customer(order.CustomerId));
        var levelAfterCancel = await stock.GetLevel();
        await stock.Release(order.Id);
        var cancelledAgain = await cluster.Order(order.Id).Cancel("changed my mind", Actor.Customer(order.CustomerId));

        Assert.Equal(OrderStatus.Reserved, other.Status);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Value?.Status);
        Assert.All(cancelled.Value!.Lines, l => Assert.Equal(0, l.ReservedQuantity));
        Assert.Equal((10, 2, 8), (levelAfterCancel.OnHand, levelAfterCancel.Reserved, levelAfterCancel.Available));
        Assert.Equal(levelAfterCancel, await stock.GetLevel());
        Assert.Equal(RefusalKind.Conflict, cancelledAgain.Refusal?.Kind);
        Assert.Equal("order.not-cancellable", cancelledAgain.Refusal?.Code);
        Assert.Equal(2, (await stock.AllocationFor(other.Id)).Reserved);
    }

    [Fact]
    public async Task Stock_received_for_backorders_goes_to_the_oldest_order_first()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 1);
        var first = await cluster.Place((sku, 1));
        var older = await cluster.Place((sku, 1));
        var newer = await cluster.Place((sku, 1));

        await cluster.Receive("w1", sku, 1);

        Assert.Equal(
            [OrderStatus.Reserved, OrderStatus.Backordered, OrderStatus.Backordered],
            new[] { first.Status, older.Status, newer.Status });
        var filled = await cluster.Eventually(older.Id, o => o.Status == OrderStatus.Reserved);
        Assert.DoesNotContain(filled.Holds, h => h.Kind == HoldKind.OutOfStock);
        Assert.Equal((1, 0), (filled.Lines[0].ReservedQuantity, filled.Lines[0].BackorderedQuantity));
        Assert.Equal(OrderStatus.Backordered, (await cluster.Order(newer.Id).Get())?.Status);
        var waiting = await cluster.Stock("w1", sku).AllocationFor(newer.Id);
        Assert.Equal((0, 1), (waiting.Reserved, waiting.Backordered));
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((2, 2, 0, 1), (level.OnHand, level.Reserved, level.Available, level.Backordered));
    }

    [Fact]
    public async Task Cancelling_a_reserved_order_gives_its_stock_to_the_oldest_backorder()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 1);
        var holder = await cluster.Place((sku, 1));
        var older = await cluster.Place((sku, 1));
        var newer = await cluster.Place((sku, 1));

        var cancelled = await cluster.Order(holder.Id).Cancel("changed my mind", ClusterFixture.Ops);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value?.Status);
        await cluster.Eventually(older.Id, o => o.Status == OrderStatus.Reserved);
        Assert.Equal(OrderStatus.Backordered, (await cluster.Order(newer.Id).Get())?.Status);
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((1, 1, 0, 1), (level.OnHand, level.Reserved, level.Available, level.Backordered));
    }

    [Fact]
    public async Task An_order_no_warehouse_can_serve_alone_is_split_and_picked_in_both()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        await cluster.Receive("w2", sku, 2);

        var order = await cluster.Place((sku, 5));
        var processing = await cluster.Order(order.Id).IssuePickLists(ClusterFixture.Ops);

        Assert.Equal(OrderStatus.Reserved, order.Status);
        Assert.Equal(
            new[] { ("w1", 3, 0), ("w2", 2, 0) },
            order.Lines[0].Allocations.Select(a => (a.WarehouseId, a.Reserved, a.Backordered)).OrderBy(a => a.WarehouseId));
        Assert.Equal(3, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
        Assert.Equal(2, (await cluster.Stock("w2", sku).GetLevel()).Reserved);
        Assert.Equal(OrderStatus.Processing, processing.Value?.Status);
        Assert.Equal(
            new[] { ($"{order.Id}-P1", "w1", 3), ($"{order.Id}-P2", "w2", 2) },
            processing.Value!.PickLists.Select(p => (p.Id, p.WarehouseId, Assert.Single(p.Lines).Quantity)));
    }

    [Fact]
    public async Task What_no_warehouse_has_waits_at_the_first_warehouse()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        await cluster.Receive("w2", sku, 2);

        var order = await cluster.Place((sku, 7));

        Assert.Equal(OrderStatus.Backordered, order.Status);
        Assert.Equal((5, 2), (order.Lines[0].ReservedQuantity, order.Lines[0].BackorderedQuantity));
        var w1 = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((3, 2), (w1.Reserved, w1.Backordered));
        Assert.Equal(2, (await cluster.Stock("w2", sku).GetLevel()).Reserved);
    }
}