using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.Shipping;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class FulfilmentGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task An_order_goes_from_placement_to_completion()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 5);
        var placed = await cluster.Place((sku, 2));
        var order = cluster.Order(placed.Id);

        var processing = (await order.IssuePickLists(ClusterFixture.Ops)).Value!;
        var pickListId = Assert.Single(processing.PickLists).Id;
        var picked = (await order.MarkPicked(pickListId, ClusterFixture.Ops)).Value!;
        var packed = (await order.MarkPacked(pickListId, ClusterFixture.Ops)).Value!;
        var label = (await order.Ship(pickListId, "UPS", ClusterFixture.Ops)).Value!;
        var shipped = (await order.Get())!;

        Assert.Equal(OrderStatus.Reserved, placed.Status);
        Assert.Equal(OrderStatus.Processing, processing.Status);
        Assert.Equal($"{placed.Id}-P1", pickListId);
        Assert.Equal(PickListStatus.Picked, picked.PickLists[0].Status);
        Assert.Equal(PickListStatus.Packed, packed.PickLists[0].Status);
        Assert.Equal("UPS", label.Carrier);
        Assert.Matches("^UP[0-9]{9}GB$", label.TrackingNumber);
        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal((label.ShipmentId, pickListId, "UPS", label.TrackingNumber), Assert.Single(shipped.Shipments) is var s ? (s.ShipmentId, s.PickListId, s.Carrier, s.TrackingNumber) : default);

        var shipment = await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Get();
        Assert.NotNull(shipment);
        Assert.Equal((placed.Id, "w1", "UPS", label.TrackingNumber, ShipmentStatus.Shipped), (shipment.OrderId, shipment.WarehouseId, shipment.Carrier, shipment.TrackingNumber, shipment.Status));
        Assert.Equal((sku, 2), Assert.Single(shipment.Lines) is var line ? (line.Sku, line.Quantity) : default);
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((3, 0, 3), (level.OnHand, level.Reserved, level.Available));

        var statuses = new List<OrderStatus>();
        foreach (var status in new[] { ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered })
        {
            var recorded = await Report(label.ShipmentId, status);
            Assert.True(recorded.Succeeded, recorded.Refusal?.Message);
            statuses.Add((await order.Get())!.Status);
        }

        Assert.Equal([OrderStatus.InTransit, OrderStatus.OutForDelivery, OrderStatus.Delivered], statuses);
        var completed = await cluster.Eventually(placed.Id, o => o.Status == OrderStatus.Completed, TimeSpan.FromSeconds(15));
        Assert.Equal(Enumerable.Range(1, completed.Timeline.Length).Select(i => (long)i), completed.Timeline.Select(e => e.Sequence));
        Assert.Equal(("order.completed", Actor.System), (completed.Timeline[^1].Kind, completed.Timeline[^1].Actor));
        Assert.Equal(completed.Timeline.Length, completed.Version);
    }

    [Fact]
    public async Task Shipping_with_an_unknown_carrier_is_refused_and_no_carrier_means_the_first_configured()
    {
        var (orderId, pickListId) = await PackedOrder();

        var unknown = await cluster.Order(orderId).Ship(pickListId, "Pigeon Post", ClusterFixture.Ops);
        var stillPacked = (await cluster.Order(orderId).Get())!;
        var label = await cluster.Order(orderId).Ship(pickListId, null, ClusterFixture.Ops);

        Assert.Equal(RefusalKind.Invalid, unknown.Refusal?.Kind);
        Assert.Equal("shipment.unknown-carrier", unknown.Refusal?.Code);
        Assert.Equal(OrderStatus.Processing, stillPacked.Status);
        Assert.Equal("DHL", label.Value?.Carrier);
    }

    [Fact]
    public async Task Cancelling_after_shipment_is_refused()
    {
        var (orderId, pickListId) = await PackedOrder();
        var sku = (await cluster.Order(orderId).Get())!.Lines[0].Sku;
        await cluster.Order(orderId).Ship(pickListId, "DHL", ClusterFixture.Ops);
        var levelBefore = await cluster.Stock("w1", sku).GetLevel();

        var cancelled = await cluster.Order(orderId).Cancel("too late", ClusterFixture.Ops);

        Assert.Equal(RefusalKind.Conflict, cancelled.Refusal?.Kind);
        Assert.Equal("order.not-cancellable", cancelled.Refusal?.Code);
        Assert.Equal(OrderStatus.Shipped, (await cluster.Order(orderId).Get())?.Status);
        Assert.Equal(levelBefore, await cluster.Stock("w1", sku).GetLevel());
    }

    [Fact]
    public async Task Carrier_news_after_delivery_is_refused()
    {
        var (orderId, pickListId) = await PackedOrder();
        var label = (await cluster.Order(orderId).Ship(pickListId, "DHL", ClusterFixture.Ops)).Value!;
        await Report(label.ShipmentId, ShipmentStatus.Delivered);
        var shipmentBefore = await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Get();
        var carrierNewsBefore = (await cluster.Order(orderId).Get())!.Timeline.Count(e => e.Kind.StartsWith("shipment.", StringComparison.Ordinal));

        var late = await Report(label.ShipmentId, ShipmentStatus.InTransit);

        Assert.Equal(RefusalKind.Conflict, late.Refusal?.Kind);
        Assert.Equal("shipment.illegal-transition", late.Refusal?.Code);
        var shipmentAfter = await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Get();
        Assert.Equal(ShipmentStatus.Delivered, shipmentAfter?.Status);
        Assert.Equal<TrackingEvent>(shipmentBefore!.Events, shipmentAfter!.Events);
        var order = (await cluster.Order(orderId).Get())!;
        Assert.Equal(carrierNewsBefore, order.Timeline.Count(e => e.Kind.StartsWith("shipment.", StringComparison.Ordinal)));
        Assert.Contains(order.Status, new[] { OrderStatus.Delivered, OrderStatus.Completed });
    }

    [Fact]
    public async Task A_carrier_retrying_the_delivery_report_is_answered_and_the_order_follows_it_once()
    {
        var (orderId, pickListId) = await PackedOrder();
        var label = (await cluster.Order(orderId).Ship(pickListId, "DHL", ClusterFixture.Ops)).Value!;
        var shipment = cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId);
        var delivered = new TrackingEvent(ShipmentStatus.Delivered, "Doorstep", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Actor.Carrier("DHL"));
        Assert.True((await shipment.Record(delivered)).Succeeded);

        var retried = await shipment.Record(delivered);

        Assert.True(retried.Succeeded, retried.Refusal?.Message);
        Assert.Single(retried.Value!.Events);
        var order = (await cluster.Order(orderId).Get())!;
        Assert.Single(order.Timeline, e => e.Kind == "shipment.delivered");
    }

    [Fact]
    public async Task Carrier_news_for_an_unknown_shipment_is_not_found()
    {
        var unknown = await Report(OrderIds.NewShipmentId(), ShipmentStatus.InTransit);

        Assert.Equal(RefusalKind.NotFound, unknown.Refusal?.Kind);
    }

    private Task<Outcome<ShipmentView>> Report(string shipmentId, ShipmentStatus status)
    {
        var now = DateTimeOffset.UtcNow;
        return cluster.Grains.GetGrain<IShipmentGrain>(shipmentId).Record(new TrackingEvent(status, "Leeds", now, now, Actor.Carrier("DHL")));
    }

    /// <summary>A reserved single-line order whose only pick list is packed.</summary>
    private async Task<(string OrderId, string PickListId)> PackedOrder()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 5);
        var placed = await cluster.Place((sku, 2));
        var order = cluster.Order(placed.Id);
        var pickListId = Assert.Single((await order.IssuePickLists(ClusterFixture.Ops)).Value!.PickLists).Id;
        Assert.True((await order.MarkPicked(pickListId, ClusterFixture.Ops)).Succeeded);
        Assert.True((await order.MarkPacked(pickListId, ClusterFixture.Ops)).Succeeded);
        return (placed.Id, pickListId);
    }
}