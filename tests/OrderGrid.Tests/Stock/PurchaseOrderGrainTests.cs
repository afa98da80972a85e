using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;

using Orleans.Serialization;

namespace OrderGrid.Tests.Stock;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class PurchaseOrderGrainTests(ClusterFixture cluster)
{
    // Orders meant to be valid are expected a day or more ahead, so that midnight passing mid-test changes nothing.
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_expected_purchase_order_shows_as_incoming_until_it_is_received()
    {
        var sku = await cluster.NewProduct();
        var stock = cluster.Stock("w1", sku);
        await cluster.Receive("w1", sku, 3);
        var before = await stock.GetLevel();

        var expected = await stock.Expect(new NewPurchaseOrder("po-1", 20, Today.AddDays(5), ClusterFixture.Ops));
        var during = await stock.GetLevel();
        var received = await stock.Receive(new StockReceipt(20, "delivery", ClusterFixture.Ops, ClusterFixture.Unique("receipt"), "po-1"));

        Assert.True(expected.Succeeded, expected.Refusal?.Message);
        Assert.Equal((20, 0, 20), (expected.Value!.Quantity, expected.Value.Received, expected.Value.Outstanding));
        Assert.Equal((3, 3, 20), (during.OnHand, during.Available, during.Incoming));
        Assert.True(during.Version > before.Version);
        Assert.Equal((23, 23, 0), (received.Value!.OnHand, received.Value.Available, received.Value.Incoming));
        Assert.Empty(await stock.PurchaseOrders());
    }

    [Fact]
    public async Task Expecting_the_same_purchase_order_twice_orders_once_and_another_quantity_is_a_conflict()
    {
        var sku = await cluster.NewProduct();
        var stock = cluster.Stock("w1", sku);
        var order = new NewPurchaseOrder("po-again", 12, Today.AddDays(2), ClusterFixture.Ops);

        var first = await stock.Expect(order);
        var again = await stock.Expect(order);
        var other = await stock.Expect(order with { Quantity = 13 });

        Assert.Equal(first.Value, again.Value);
        Assert.Equal((RefusalKind.Conflict, "stock.purchase-order-conflict"), (other.Refusal!.Kind, other.Refusal.Code));
        Assert.Equal(12, (await stock.GetLevel()).Incoming);
        Assert.Equal([first.Value!], await stock.PurchaseOrders());
    }

    [Fact]
    public async Task A_purchase_order_expected_before_today_is_refused_by_the_clock_of_the_silo()
    {
        var sku = await cluster.NewProduct();
        var stock = cluster.Stock("w1", sku);

        var late = await stock.Expect(new NewPurchaseOrder("po-late", 12, Today.AddDays(-1), ClusterFixture.Ops));

        Assert.Equal(RefusalKind.Invalid, late.Refusal!.Kind);
        Assert.Contains("expectedOn", late.Refusal.Errors!.Keys);
        Assert.Equal(0, (await stock.GetLevel()).Version);
    }

    [Fact]
    public async Task Goods_received_against_a_purchase_order_fill_waiting_orders_oldest_first()
    {
        var sku = await cluster.NewProduct();
        var stock = cluster.Stock("w1", sku);
        await stock.Expect(new NewPurchaseOrder("po-fill", 10, Today.AddDays(1), ClusterFixture.Ops));
        var waiting = await cluster.Place((sku, 4));

        var partly = await stock.Receive(new StockReceipt(6, "first pallet", ClusterFixture.Ops, ClusterFixture.Unique("receipt"), "po-fill"));
        var filled = await cluster.Eventually(waiting.Id, o => o.Status == OrderStatus.Reserved);

        Assert.Equal(OrderStatus.Backordered, waiting.Status);
        Assert.Equal((6, 4, 2, 0, 4), (partly.Value!.OnHand, partly.Value.Reserved, partly.Value.Available, partly.Value.Backordered, partly.Value.Incoming));
        Assert.Equal(4, filled.Lines[0].ReservedQuantity);
        Assert.Equal(4, Assert.Single(await stock.PurchaseOrders()).Outstanding);
    }

    [Fact]
    public async Task Receiving_against_an_unknown_or_closed_purchase_order_is_refused()
    {
        var sku = await cluster.NewProduct();
        var stock = cluster.Stock("w1", sku);
        await stock.Expect(new NewPurchaseOrder("po-closed", 5, Today.AddDays(1), ClusterFixture.Ops));
        await stock.Receive(new StockReceipt(7, "delivery", ClusterFixture.Ops, ClusterFixture.Unique("receipt"), "po-closed"));

        var unknown = await stock.Receive(new StockReceipt(1, null, ClusterFixture.Ops, ClusterFixture.Unique("receipt"), "po-nope"));
        var closed = await stock.Receive(new StockReceipt(1, null, ClusterFixture.Ops, ClusterFixture.Unique("receipt"), "po-closed"));

        Assert.Equal((RefusalKind.NotFound, "stock.purchase-order-not-found"), (unknown.Refusal!.Kind, unknown.Refusal.Code));
        Assert.Equal((RefusalKind.Conflict, "stock.purchase-order-closed"), (closed.Refusal!.Kind, closed.Refusal.Code));
        var level = await stock.GetLevel();
        Assert.Equal((7, 0), (level.OnHand, level.Incoming));
    }

    [Fact]
    public void Stock_with_purchase_orders_survives_the_storage_format()
    {
        var serializer = cluster.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        var (state, _) = StockLedger.Expect(new StockState { OnHand = 4 }, new NewPurchaseOrder("po-1", 9, Today, ClusterFixture.Ops), DateTimeOffset.UtcNow);
        (state, _, _) = StockLedger.Receive(state, new StockReceipt(2, null, ClusterFixture.Ops, "r1", "po-1"));

        var copy = serializer.Deserialize<StockState>(serializer.SerializeToArray(state));

        Assert.NotNull(copy);
        Assert.Equal((6, 7, state.Version), (copy.OnHand, copy.Incoming, copy.Version));
        Assert.Equal(state.PurchaseOrders["po-1"], copy.PurchaseOrders["po-1"]);
    }
}