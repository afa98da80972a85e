using OrderGrid.AfterSales;
using OrderGrid.Common;
using OrderGrid.Notifications;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Tests.Notifications;

namespace OrderGrid.Tests.AfterSales;

[Trait(Lane.Name, Lane.Integration)]
[Collection(NotifyingCluster.Name)]
public sealed class FeedbackRequestTests(NotifyingCluster cluster)
{
    private static readonly Actor Ops = ClusterFixture.Ops;

    [Fact]
    public async Task The_rating_is_asked_for_once_after_AskAfter_and_not_before()
    {
        var order = await DeliveredOrder();

        NotifyingCluster.Clock.Advance(NotifyingCluster.AskAfter - TimeSpan.FromMinutes(1));
        await cluster.WakeDueGrains();
        var early = await Requests(order.Id);
        NotifyingCluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await cluster.WakeDueGrains();
        await cluster.WakeDueGrains();

        Assert.Empty(early);
        var request = Assert.Single(await Requests(order.Id));
        Assert.Equal(ActorKind.System, request.Actor.Kind);
    }

    [Fact]
    public async Task The_request_emails_the_customer_once_with_the_tracking_link_to_rate_it()
    {
        var order = await DeliveredOrder();
        NotifyingCluster.Clock.Advance(NotifyingCluster.AskAfter);
        await cluster.WakeDueGrains();
        await cluster.WakeDueGrains();

        var records = await cluster.Eventually(order.Id, r => r.Any(n => n.Kind == EventKinds.FeedbackRequested && n.Status == NotificationStatus.Sent));

        var record = Assert.Single(records, n => n.Kind == EventKinds.FeedbackRequested);
        Assert.Equal((NotificationChannel.Email, order.Email, $"How was your order {order.Id}?"), (record.Channel, record.To, record.Subject));
        var sent = Assert.Single(NotifyingCluster.Email.To(order.Email!), a => a.Email.Kind == EventKinds.FeedbackRequested);
        Assert.Contains($"Rate it: https://shop.example.test/track/{order.Id}?token={order.TrackingToken}", sent.Email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_already_rated_is_not_asked_again()
    {
        var order = await DeliveredOrder();
        var afterSales = cluster.Grains.GetGrain<IOrderAfterSalesGrain>(order.Id);
        NotifyingCluster.Clock.Advance(NotifyingCluster.AskAfter);
        Assert.True((await afterSales.Rate(5, "Lovely", Actor.Customer(order.CustomerId))).Succeeded);

        await cluster.WakeDueGrains();

        Assert.Empty(await Requests(order.Id));
    }

    private async Task<IReadOnlyList<TimelineEntry>> Requests(string orderId) =>
        [.. (await cluster.Grains.GetGrain<IOrderGrain>(orderId).Get())!.Timeline.Where(e => e.Kind == EventKinds.FeedbackRequested)];

    /// <summary>A single-line order shipped from w1 and delivered now, by the fake clock.</summary>
    private async Task<OrderView> DeliveredOrder()
    {
        var sku = ClusterFixture.Unique("sku");
        Assert.True((await cluster.Grains.GetGrain<OrderGrid.Catalog.IProductGrain>(sku).Define($"Product {sku}", 10m)).Succeeded);
        await cluster.Grains.GetGrain<OrderGrid.Stock.ISkuStockGrain>(OrderGrid.Stock.StockKey.For("w1", sku)).Receive(new OrderGrid.Stock.StockReceipt(1, "delivery", Ops, ClusterFixture.Unique("receipt")));
        var placed = await cluster.Grains.GetGrain<IOrderGrain>(OrderIds.New()).Place(ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (sku, 1)));
        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        var order = cluster.Grains.GetGrain<IOrderGrain>(placed.Value!.Order.Id);
        var pickListId = (await order.IssuePickLists(Ops)).Value!.PickLists[0].Id;
        await order.MarkPicked(pickListId, Ops);
        await order.MarkPacked(pickListId, Ops);
        var label = (await order.Ship(pickListId, "DHL", Ops)).Value!;
        var now = NotifyingCluster.Clock.GetUtcNow();
        await cluster.Grains.GetGrain<IShipmentGrain>(label.ShipmentId).Record(new TrackingEvent(ShipmentStatus.Delivered, "Door", now, now, Actor.Carrier("DHL")));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await order.Get())!.Status != OrderStatus.Delivered)
        {
            Assert.True(DateTime.UtcNow < deadline, "The order was never delivered.");
            await Task.Delay(50);
        }

        // The change feed records the rating's wake-up time when it hears of the delivery; recorded here too (the same
        // time, so a repeat changes nothing) so that the test knows it is there before it moves the clock.
        var delivered = (await order.Get())!;
        await cluster.Grains.GetGrain<IOrderAfterSalesGrain>(delivered.Id).ScheduleFeedbackRequest(delivered.Timeline.First(e => e.Status == OrderStatus.Delivered).At);
        return delivered;
    }
}