using OrderGrid.Common;
using OrderGrid.Merges;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.Merge;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class MergeTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Two_orders_of_one_customer_travel_as_one_shipment_and_each_follows_it()
    {
        var (one, two) = (await cluster.NewProduct(), await cluster.NewProduct());
        await cluster.Receive("w1", one, 5);
        await cluster.Receive("w1", two, 1);
        var customer = ClusterFixture.Unique("customer");
        var first = await Prepared(customer, (one, 2));
        var second = await Prepared(customer, (one, 1), (two, 1));
        var merge = cluster.Grains.GetGrain<IMergeGrain>(MergeIds.For([first, second]));

        var merged = await Succeeded(merge.Merge([second, first], ClusterFixture.Ops));
        var retried = await Succeeded(merge.Merge([first, second], ClusterFixture.Ops));
        await Succeeded(merge.MarkPicked(ClusterFixture.Ops));
        await Succeeded(merge.MarkPacked(ClusterFixture.Ops));
        var shipped = await Succeeded(merge.Ship("DHL", ClusterFixture.Ops));
        var shipment = cluster.Grains.GetGrain<IShipmentGrain>(shipped.Shipment!.ShipmentId);
        await Conserved(one, onHand: 2, reserved: 0);
        await Conserved(two, onHand: 0, reserved: 0);
        var now = DateTimeOffset.UtcNow;
        await shipment.Record(new TrackingEvent(ShipmentStatus.InTransit, "Hub", now, now, Actor.Carrier("DHL")));
        await shipment.Record(new TrackingEvent(ShipmentStatus.Delivered, "Doorstep", now, now, Actor.Carrier("DHL")));
        var orders = new[] { (await cluster.Order(first).Get())!, (await cluster.Order(second).Get())! };

        Assert.Equal((merged.Id, merged.MergedAt), (retried.Id, retried.MergedAt));
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), merged.OrderIds);
        Assert.Equal([(one, 3, 2), (two, 1, 1)], merged.Lines.Select(l => (l.Sku, l.Quantity, l.Orders.Length)).OrderBy(x => x.Quantity == 1));
        Assert.Equal(PickListStatus.Shipped, shipped.Status);
        Assert.Equal(4, (await shipment.Get())!.Lines.Sum(l => l.Quantity));
        Assert.All(orders, o =>
        {
            Assert.Equal(shipped.Shipment.ShipmentId, Assert.Single(o.Shipments).ShipmentId);
            Assert.Contains(o.Status, new[] { OrderStatus.Delivered, OrderStatus.Completed });
            Assert.Equal(
                ["order.merged", "order.shipped", "shipment.in-transit", "shipment.delivered"],
                o.Timeline.Select(e => e.Kind).Where(k => k is "order.merged" or "order.shipped" || k.StartsWith("shipment.", StringComparison.Ordinal)));
        });
    }

    [Fact]
    public async Task Orders_that_cannot_travel_together_are_refused()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var customer = ClusterFixture.Unique("customer");
        var (a, b) = (await Prepared(customer, (sku, 1)), await Prepared(customer, (sku, 1)));
        var otherCustomer = await Prepared(ClusterFixture.Unique("customer"), (sku, 1));
        var otherAddress = await Prepared(customer, ClusterFixture.ShipTo with { Line1 = "2 Difference Street" }, (sku, 1));
        var picked = await Prepared(customer, (sku, 1));
        await cluster.Order(picked).MarkPicked(picked + "-P1", ClusterFixture.Ops);

        var refusals = new[]
        {
            await Merging(a, otherCustomer),
            await Merging(a, otherAddress),
            await Merging(a, picked),
            await Merging(a, OrderIds.New()),
        };
        await Succeeded(Merge(a, b).Merge([a, b], ClusterFixture.Ops));
        var twice = await Merging(a, picked);
        var shippedAlone = await cluster.Order(a).Ship(a + "-P1", null, ClusterFixture.Ops);

        Assert.Equal(
            [RefusalKind.Conflict, RefusalKind.Conflict, RefusalKind.Conflict, RefusalKind.NotFound, RefusalKind.Conflict],
            refusals.Append(twice).Select(r => r?.Kind));
        Assert.Equal("order.in-merge", shippedAlone.Refusal?.Code);
    }

    [Fact]
    public async Task Orders_picked_in_different_warehouses_are_refused()
    {
        var (here, there) = (await cluster.NewProduct(), await cluster.NewProduct());
        await cluster.Receive("w1", here, 1);
        await cluster.Receive("w2", there, 1);
        var customer = ClusterFixture.Unique("customer");
        var (a, b) = (await Prepared(customer, (here, 1)), await Prepared(customer, (there, 1)));

        var refusal = await Merging(a, b);

        Assert.Equal((RefusalKind.Conflict, "merge.not-possible"), (refusal?.Kind, refusal?.Code));
    }

    [Fact]
    public async Task A_member_cancelled_before_picking_leaves_the_merge_and_its_stock_is_released()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        var customer = ClusterFixture.Unique("customer");
        var (a, b) = (await Prepared(customer, (sku, 1)), await Prepared(customer, (sku, 2)));
        var merge = Merge(a, b);
        await Succeeded(merge.Merge([a, b], ClusterFixture.Ops));

        await cluster.Order(b).Cancel("changed my mind", ClusterFixture.Ops);
        var picked = await Succeeded(merge.MarkPicked(ClusterFixture.Ops));

        Assert.Equal(a, Assert.Single(picked.OrderIds));
        Assert.Equal(1, Assert.Single(picked.Lines).Quantity);
        await Conserved(sku, onHand: 3, reserved: 1);
    }

    private IMergeGrain Merge(params string[] orderIds) => cluster.Grains.GetGrain<IMergeGrain>(MergeIds.For(orderIds));

    private async Task<Refusal?> Merging(params string[] orderIds) =>
        (await Merge(orderIds).Merge([.. orderIds], ClusterFixture.Ops)).Refusal;

    private Task<string> Prepared(string customer, params (string Sku, int Quantity)[] lines) => Prepared(customer, ClusterFixture.ShipTo, lines);

    /// <summary>Places an order for the customer and issues its pick lists.</summary>
    private async Task<string> Prepared(string customer, Address shipTo, params (string Sku, int Quantity)[] lines)
    {
        var id = OrderIds.New();
        var placed = await cluster.Place(id, ClusterFixture.Request(customer, SalesChannel.Web, lines) with { ShipTo = shipTo });
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        var issued = await cluster.Order(id).IssuePickLists(ClusterFixture.Ops);
        Assert.True(issued.Succeeded, issued.Refusal?.Message);
        return id;
    }

    /// <summary>On hand is what is available plus what is reserved, and both are what the step should leave.</summary>
    private async Task Conserved(string sku, int onHand, int reserved)
    {
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal(level.OnHand, level.Available + level.Reserved);
        Assert.Equal((onHand, reserved), (level.OnHand, level.Reserved));
    }

    private static async Task<MergeView> Succeeded(Task<Outcome<MergeView>> call)
    {
        var outcome = await call;
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        return outcome.Value!;
    }
}