using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class OrderReviewTests(ClusterFixture cluster)
{
    [Fact]
    public async Task An_order_above_the_review_threshold_waits_for_review_without_reserving()
    {
        var sku = await cluster.NewProduct(unitPrice: 2_500.01m);
        await cluster.Receive("w1", sku, 5);

        var order = await cluster.Place((sku, 2));

        Assert.Equal(OrderStatus.AwaitingReview, order.Status);
        Assert.Equal(5_000.02m, order.Total);
        Assert.Equal(HoldKind.Review, Assert.Single(order.Holds).Kind);
        Assert.Equal(0, order.Lines[0].ReservedQuantity);
        Assert.Equal(0, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task An_order_worth_exactly_the_threshold_is_not_held()
    {
        var sku = await cluster.NewProduct(unitPrice: 2_500m);
        await cluster.Receive("w1", sku, 5);

        var order = await cluster.Place((sku, 2));

        Assert.Equal(OrderStatus.Reserved, order.Status);
        Assert.Empty(order.Holds);
    }

    [Fact]
    public async Task Approving_a_held_order_reserves_its_stock()
    {
        var sku = await cluster.NewProduct(unitPrice: 6_000m);
        await cluster.Receive("w1", sku, 5);
        var held = await cluster.Place((sku, 1));

        var approved = await cluster.Order(held.Id).Approve(ClusterFixture.Ops);

        Assert.Equal(OrderStatus.AwaitingReview, held.Status);
        Assert.Equal(OrderStatus.Reserved, approved.Value?.Status);
        Assert.Empty(approved.Value!.Holds);
        Assert.Contains(approved.Value.Timeline, e => e.Kind == "order.approved" && e.Actor == ClusterFixture.Ops);
        Assert.Equal(1, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task Rejecting_a_held_order_cancels_it_and_reserves_nothing()
    {
        var sku = await cluster.NewProduct(unitPrice: 6_000m);
        await cluster.Receive("w1", sku, 5);
        var held = await cluster.Place((sku, 1));

        var rejected = await cluster.Order(held.Id).Reject("suspected fraud", ClusterFixture.Ops);
        var approvedAfterwards = await cluster.Order(held.Id).Approve(ClusterFixture.Ops);

        Assert.Equal(OrderStatus.Cancelled, rejected.Value?.Status);
        Assert.Empty(rejected.Value!.Holds);
        Assert.Equal(RefusalKind.Conflict, approvedAfterwards.Refusal?.Kind);
        Assert.Equal("order.illegal-transition", approvedAfterwards.Refusal?.Code);
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((5, 0, 5), (level.OnHand, level.Reserved, level.Available));
    }
}