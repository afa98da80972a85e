using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Tests.OrderChanges;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class OrderModificationTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData(2, 5)]
    [InlineData(5, 2)]
    public async Task A_changed_quantity_moves_the_reservation_by_the_difference(int before, int after)
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var order = await cluster.Place((sku, before));

        var modified = await Modify(order.Id, (sku, after));

        Assert.Equal(OrderStatus.Reserved, modified.Status);
        Assert.Equal(after, modified.Lines[0].ReservedQuantity);
        Assert.Contains(modified.Timeline, e => e.Kind == "order.modified" && e.Description.Contains($"{before} → {after}", StringComparison.Ordinal));
        var level = await cluster.Stock("w1", sku).GetLevel();
        Assert.Equal((10, after, 10 - after), (level.OnHand, level.Reserved, level.Available));
    }

    [Fact]
    public async Task A_removed_line_gives_its_stock_back_and_an_added_line_is_reserved()
    {
        var (kept, removed, added) = (await cluster.NewProduct(), await cluster.NewProduct(), await cluster.NewProduct());
        foreach (var sku in new[] { kept, removed, added })
        {
            await cluster.Receive("w1", sku, 4);
        }

        var order = await cluster.Place((kept, 2), (removed, 3));

        var modified = await Modify(order.Id, (kept, 2), (added, 1));

        Assert.Equal([kept, added], modified.Lines.Select(l => l.Sku));
        Assert.Equal(OrderStatus.Reserved, modified.Status);
        Assert.Equal(0, (await cluster.Stock("w1", removed).GetLevel()).Reserved);
        Assert.Equal(1, (await cluster.Stock("w1", added).GetLevel()).Reserved);
        Assert.Equal(2, (await cluster.Stock("w1", kept).GetLevel()).Reserved);
    }

    [Fact]
    public async Task More_than_is_in_stock_waits_and_is_reserved_when_stock_arrives()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        var order = await cluster.Place((sku, 2));

        var modified = await Modify(order.Id, (sku, 5));
        await cluster.Receive("w1", sku, 2);
        var filled = await cluster.Eventually(order.Id, o => o.Status == OrderStatus.Reserved);

        Assert.Equal(OrderStatus.Backordered, modified.Status);
        Assert.Equal((3, 2), (modified.Lines[0].ReservedQuantity, modified.Lines[0].BackorderedQuantity));
        Assert.Equal(5, filled.Lines[0].ReservedQuantity);
        Assert.Equal(5, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task A_change_once_pick_lists_are_issued_is_refused()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        var order = await cluster.Place((sku, 2));
        await cluster.Order(order.Id).IssuePickLists(ClusterFixture.Ops);

        var refused = await cluster.Order(order.Id).Modify(Change((sku, 1)), ClusterFixture.Ops);

        Assert.Equal((RefusalKind.Conflict, "order.not-modifiable"), (refused.Refusal?.Kind, refused.Refusal?.Code));
        Assert.Equal(2, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task A_change_above_the_review_threshold_holds_the_order_and_gives_its_stock_back()
    {
        var sku = await cluster.NewProduct(unitPrice: 1_000m);
        await cluster.Receive("w1", sku, 10);
        var order = await cluster.Place((sku, 2));

        var held = await Modify(order.Id, (sku, 6));
        var approved = await cluster.Order(order.Id).Approve(ClusterFixture.Ops);

        Assert.Equal(OrderStatus.AwaitingReview, held.Status);
        Assert.Contains(held.Timeline, e => e.Kind == "order.held-for-review" && e.Description.StartsWith("Held for review by rule 'high value'", StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Reserved, approved.Value?.Status);
        Assert.Equal(6, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task A_correction_in_review_proceeds_once_no_rule_holds_the_order()
    {
        var sku = await cluster.NewProduct(unitPrice: 2_000m);
        await cluster.Receive("w1", sku, 10);
        var order = await cluster.Place((sku, 4));

        var stillHeld = await cluster.Order(order.Id).Modify(Change((sku, 3)) with { Correction = true }, ClusterFixture.Ops);
        var proceeds = await cluster.Order(order.Id).Modify(Change((sku, 2)) with { Correction = true }, ClusterFixture.Ops);
        var again = await cluster.Order(order.Id).Modify(Change((sku, 1)) with { Correction = true }, ClusterFixture.Ops);

        Assert.Equal(OrderStatus.AwaitingReview, order.Status);
        Assert.Equal(OrderStatus.AwaitingReview, stillHeld.Value?.Status);
        Assert.Equal(OrderStatus.Reserved, proceeds.Value?.Status);
        Assert.Equal(2, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
        Assert.Equal("order.not-awaiting-review", again.Refusal?.Code);
    }

    [Fact]
    public async Task An_unknown_sku_is_refused_and_changes_nothing()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 3);
        var order = await cluster.Place((sku, 2));

        var refused = await cluster.Order(order.Id).Modify(Change((sku, 1), ("no-such-sku", 1)), ClusterFixture.Ops);

        Assert.Equal((RefusalKind.Invalid, "order.unknown-sku"), (refused.Refusal?.Kind, refused.Refusal?.Code));
        Assert.Equal(2, (await cluster.Order(order.Id).Get())!.Lines[0].Quantity);
    }

    internal static ModifyOrder Change(params (string Sku, int Quantity)[] lines) =>
        new([.. lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))], null);

    private async Task<OrderView> Modify(string orderId, params (string Sku, int Quantity)[] lines)
    {
        var modified = await cluster.Order(orderId).Modify(Change(lines), ClusterFixture.Ops);
        Assert.True(modified.Succeeded, modified.Refusal?.Message);
        return modified.Value!;
    }
}