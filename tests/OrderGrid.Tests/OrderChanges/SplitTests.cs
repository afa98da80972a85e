using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class SplitTests(ClusterFixture cluster)
{
    [Fact]
    public async Task What_is_in_stock_ships_now_and_the_rest_when_it_arrives()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 2);
        var placed = await cluster.Place((sku, 5));
        var order = cluster.Order(placed.Id);
        await Conserved(sku, onHand: 2, reserved: 2);

        var split = await Succeeded(order.Split(ClusterFixture.Ops));
        var first = await ShipAndDeliver(order, Assert.Single(split.PickLists).Id);
        await Conserved(sku, onHand: 0, reserved: 0);
        var waiting = (await order.Get())!;

        await cluster.Receive("w1", sku, 3);
        await cluster.Eventually(placed.Id, o => o.Timeline.Any(e => e.Kind == "order.remainder-reserved"));
        await Conserved(sku, onHand: 3, reserved: 3);
        var issued = await Succeeded(order.IssuePickLists(ClusterFixture.Ops));
        var second = await ShipAndDeliver(order, issued.PickLists[^1].Id);
        await Conserved(sku, onHand: 0, reserved: 0);
        var delivered = (await order.Get())!;

        Assert.Equal(OrderStatus.Backordered, placed.Status);
        Assert.Equal(OrderStatus.Processing, split.Status);
        Assert.Equal(2, split.PickLists[0].Lines[0].Quantity);
        Assert.Equal(OrderStatus.PartiallyShipped, waiting.Status);
        Assert.Equal((placed.Id + "-P2", 3), (issued.PickLists[^1].Id, issued.PickLists[^1].Lines[0].Quantity));
        Assert.Equal([2, 3], new[] { first, second }.Select(s => s.Lines[0].Quantity));
        Assert.Contains(delivered.Status, new[] { OrderStatus.Delivered, OrderStatus.Completed });
        Assert.All(delivered.Shipments, s => Assert.Equal(ShipmentStatus.Delivered, s.Status));
    }

    [Fact]
    public async Task Stock_arriving_before_the_first_shipment_leaves_stays_reserved_for_the_rest()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 1);
        var placed = await cluster.Place((sku, 3));
        var order = cluster.Order(placed.Id);
        var split = await Succeeded(order.Split(ClusterFixture.Ops));

        await cluster.Receive("w1", sku, 2);
        await cluster.Eventually(placed.Id, o => o.Timeline.Any(e => e.Kind == "order.remainder-reserved"));
        await ShipAndDeliver(order, split.PickLists[0].Id);
        await Conserved(sku, onHand: 2, reserved: 2);
        var issued = await Succeeded(order.IssuePickLists(ClusterFixture.Ops));

        Assert.Equal(2, issued.PickLists[^1].Lines[0].Quantity);
    }

    [Fact]
    public async Task Nothing_reserved_nothing_waiting_and_unknown_orders_are_refused()
    {
        var (none, all) = (await cluster.NewProduct(), await cluster.NewProduct());
        await cluster.Receive("w1", all, 1);
        var waiting = await cluster.Place((none, 1));
        var reserved = await cluster.Place((all, 1));

        var nothingReserved = await cluster.Order(waiting.Id).Split(ClusterFixture.Ops);
        var nothingWaits = await cluster.Order(reserved.Id).Split(ClusterFixture.Ops);
        var unknown = await cluster.Order(OrderIds.New()).Split(ClusterFixture.Ops);

        Assert.Equal((RefusalKind.Conflict, "order.nothing-reserved"), (nothingReserved.Refusal?.Kind, nothingReserved.Refusal?.Code));
        Assert.Equal((RefusalKind.Conflict, "order.nothing-waits"), (nothingWaits.Refusal?.Kind, nothingWaits.Refusal?.Code));
        Assert.Equal(RefusalKind.NotFound, unknown.Refusal?.Kind);
    }

    [Fact]
    public async Task A_retried_dispatch_dispatches_once_and_keeps_the_rest_reserved()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var stock = cluster.Stock("w1", sku);
        await stock.Demand(new StockDemand("OG-SPLIT-RETRY", 5, Backorder: false, DateTimeOffset.UtcNow));

        var first = await stock.Dispatch("OG-SPLIT-RETRY", 2, "OG-SPLIT-RETRY-P1");
        var retried = await stock.Dispatch("OG-SPLIT-RETRY", 2, "OG-SPLIT-RETRY-P1");
        var level = await stock.GetLevel();

        Assert.Equal((3, 0), (first.Reserved, first.Backordered));
        Assert.Equal(first, retried);
        Assert.Equal((8, 3, 5), (level.OnHand, level.Reserved, level.Available));
    }

    private async Task<ShipmentView> ShipAndDeliver(IOrderGrain order, string pickListId)
    {
        await Succeeded(order.MarkPicked(pickListId, ClusterFixture.Ops));
        await Succeeded(order.MarkPacked(pickListId, ClusterFixture.Ops));
        var label = await order.Ship(pickListId, "DHL", ClusterFixture.Ops);
        Assert.True(label.Succeeded, label.Refusal?.Message);
        var now = DateTimeOffset.UtcNow;
        var delivered = await cluster.Grains.GetGrain<IShipmentGrain>(label.Value!.ShipmentId)
            .Record(new TrackingEvent(ShipmentStatus.Delivered, "Doorstep", now, now, Actor.Carrier("DHL")));
        Assert.True(delivered.Succeeded, delivered.Refusal?.Message);
        return delivered.Value!;
    }

    /// <summary>On hand is what is available plus what is reserved, and both are what the step should leave.</summary>
    private async Task Conserved(string sku, int onHand, int reserved)
    {
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal(level.OnHand, level.Available + level.Reserved);
        Assert.Equal((onHand, reserved), (level.OnHand, level.Reserved));
    }

    private static async Task<OrderView> Succeeded(Task<Outcome<OrderView>> call)
    {
        var outcome = await call;
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        return outcome.Value!;
    }
}