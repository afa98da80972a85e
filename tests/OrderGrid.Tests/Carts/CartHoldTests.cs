using OrderGrid.Carts;
using OrderGrid.Orders;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Carts;

[Trait(Lane.Name, Lane.Integration)]
[Collection(FakeClockTests.Name)]
public sealed class CartHoldTests(FakeClockCluster cluster)
{
    [Fact]
    public async Task A_cart_holds_its_items_until_the_time_is_up_and_then_releases_them_exactly_once()
    {
        var sku = await cluster.NewProduct(("w1", 5));
        var customerId = ClusterFixture.Unique("customer");
        var cart = cluster.Cart(customerId);
        var stock = cluster.Stock("w1", sku);

        var held = (await cart.SetQuantity(sku, 3)).Value!;
        FakeClockCluster.Clock.Advance(FakeClockCluster.HoldFor - TimeSpan.FromMinutes(1));
        await cluster.WakeDueGrains();
        var early = await cart.Get();

        Assert.Equal(FakeClockCluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), held.HeldUntil);
        Assert.Equal(3, Assert.Single(held.Lines).Held);
        Assert.Equal(held.HeldUntil, early.HeldUntil);
        Assert.Equal((3, 2), await Reserved(stock));

        // The silo's own scans run on the same clock, so they may wake the cart too as the time passes: still one release.
        var before = (await stock.GetLevel()).Version;
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(cluster.WakeDueGrains(), cluster.WakeDueGrains(), cluster.WakeDueGrains());
        var expired = await cart.Get();
        var level = await stock.GetLevel();

        Assert.Null(expired.HeldUntil);
        Assert.Equal((0, 5), (level.Reserved, level.Available));
        Assert.Equal(before + 1, level.Version);

        var again = (await cart.SetQuantity(sku, 4)).Value!;
        await cluster.WakeDueGrains();

        Assert.Equal(FakeClockCluster.Clock.GetUtcNow() + FakeClockCluster.HoldFor, again.HeldUntil);
        Assert.Equal((4, 1), await Reserved(stock));
    }

    [Fact]
    public async Task A_hold_whose_cart_is_no_longer_active_is_released_by_the_scan_that_finds_its_time_has_passed()
    {
        var sku = await cluster.NewProduct(("w1", 5));
        var cart = cluster.Cart(ClusterFixture.Unique("cart"));
        await cart.SetQuantity(sku, 2);

        // Every idle activation goes, the cart's too: what wakes it is its stored wake-up time, read by the silo's scan.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        FakeClockCluster.Clock.Advance(FakeClockCluster.HoldFor);
        var woken = await cluster.WakeDueGrains();

        Assert.True(woken >= 1, "the scan woke no grain");
        Assert.Equal((0, 5), await Reserved(cluster.Stock("w1", sku)));
        Assert.Null((await cart.Get()).HeldUntil);
    }

    [Fact]
    public async Task Changing_the_cart_holds_for_the_full_time_again()
    {
        var sku = await cluster.NewProduct(("w1", 2), ("w2", 5));
        var cart = cluster.Cart(ClusterFixture.Unique("customer"));

        await cart.SetQuantity(sku, 1);
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var refreshed = (await cart.SetQuantity(sku, 4)).Value!;
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await cluster.WakeDueGrains();

        Assert.Equal(FakeClockCluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), refreshed.HeldUntil);
        Assert.Equal((2, 0), await Reserved(cluster.Stock("w1", sku)));
        Assert.Equal((2, 3), await Reserved(cluster.Stock("w2", sku)));

        var smaller = (await cart.SetQuantity(sku, 1)).Value!;

        Assert.Equal(1, Assert.Single(smaller.Lines).Held);
        Assert.Equal((1, 1), await Reserved(cluster.Stock("w1", sku)));
        Assert.Equal((0, 5), await Reserved(cluster.Stock("w2", sku)));
    }

    [Fact]
    public async Task Checkout_hands_the_held_units_to_the_order_before_any_waiting_order_can_take_them()
    {
        var sku = await cluster.NewProduct(("w1", 3));
        var customerId = ClusterFixture.Unique("customer");
        var cart = cluster.Cart(customerId);
        var stock = cluster.Stock("w1", sku);
        await cart.SetQuantity(sku, 3);
        var waiting = OrderIds.New();
        await stock.Demand(new StockDemand(waiting, 2, Backorder: true, FakeClockCluster.Clock.GetUtcNow().AddHours(-1)));

        var placed = await cart.Checkout(new Checkout(OrderIds.New(), $"{customerId}@example.com", null, SalesChannel.Web, ClusterFixture.ShipTo, customerId));
        FakeClockCluster.Clock.Advance(FakeClockCluster.HoldFor * 2);
        await cluster.WakeDueGrains();
        var afterExpiry = await cart.Get();
        var level = await stock.GetLevel();

        Assert.True(placed.Succeeded, placed.Refusal?.Message);
        var order = placed.Value!.Order;
        Assert.Equal((OrderStatus.Reserved, 3), (order.Status, order.Lines[0].ReservedQuantity));
        Assert.Null(afterExpiry.HeldUntil);
        Assert.Equal((3, 3, 0, 2), (level.OnHand, level.Reserved, level.Available, level.Backordered));
        Assert.Equal(3, (await stock.AllocationFor(order.Id)).Reserved);
        Assert.Equal(0, (await stock.AllocationFor(CartHolds.Id(customerId, 1))).Reserved);
    }

    [Fact]
    public async Task Emptying_the_cart_releases_its_hold_at_once()
    {
        var sku = await cluster.NewProduct(("w1", 4));
        var cart = cluster.Cart(ClusterFixture.Unique("customer"));

        await cart.SetQuantity(sku, 4);
        var emptied = (await cart.SetQuantity(sku, 0)).Value!;

        Assert.Null(emptied.HeldUntil);
        Assert.Equal((0, 4), await Reserved(cluster.Stock("w1", sku)));
    }

    [Fact]
    public async Task A_line_holds_at_most_its_limit_and_a_cart_at_most_its_own_whatever_it_asks_for()
    {
        var first = await cluster.NewProduct(("w1", 100));
        var second = await cluster.NewProduct(("w1", 100));
        var cart = cluster.Cart(ClusterFixture.Unique("cart"));

        await cart.SetQuantity(first, 10_000);
        var view = (await cart.SetQuantity(second, 10_000)).Value!;

        Assert.Equal([(10_000, FakeClockCluster.MaxHeldPerLine), (10_000, FakeClockCluster.MaxHeldPerCart - FakeClockCluster.MaxHeldPerLine)], view.Lines.Select(l => (l.Quantity, l.Held)));
        Assert.Equal((10, 90), await Reserved(cluster.Stock("w1", first)));
        Assert.Equal((5, 95), await Reserved(cluster.Stock("w1", second)));
    }

    [Fact]
    public async Task Touching_the_cart_cannot_hold_stock_past_the_limit_from_its_first_hold_until_it_checks_out()
    {
        var sku = await cluster.NewProduct(("w1", 5));
        var cart = cluster.Cart(ClusterFixture.Unique("cart"));
        var stock = cluster.Stock("w1", sku);
        var firstHold = FakeClockCluster.Clock.GetUtcNow();

        // Every 14 minutes the cart changes, as a script keeping the stock would.
        var last = (await cart.SetQuantity(sku, 1)).Value!;
        for (var i = 2; i <= 5; i++)
        {
            FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(14));
            last = (await cart.SetQuantity(sku, i % 2 == 0 ? 2 : 1)).Value!;
        }

        Assert.Equal(firstHold + FakeClockCluster.HoldAtMostFor, last.HeldUntil);
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await cluster.WakeDueGrains();
        var touched = (await cart.SetQuantity(sku, 3)).Value!;

        Assert.Null(touched.HeldUntil);
        Assert.Equal(0, Assert.Single(touched.Lines).Held);
        Assert.Equal((0, 5), await Reserved(stock));

        var placed = await cart.Checkout(new Checkout(OrderIds.New(), "shopper@example.com", null, SalesChannel.Web, ClusterFixture.ShipTo, ClusterFixture.Unique("customer")));
        var nextTrip = (await cart.SetQuantity(sku, 1)).Value!;

        Assert.Equal((OrderStatus.Reserved, 3), (placed.Value?.Order.Status, placed.Value?.Order.Lines[0].ReservedQuantity));
        Assert.Equal(FakeClockCluster.Clock.GetUtcNow() + FakeClockCluster.HoldFor, nextTrip.HeldUntil);
        Assert.Equal((4, 1), await Reserved(stock));
    }

    private static async Task<(int Reserved, int Available)> Reserved(ISkuStockGrain stock)
    {
        var level = await stock.GetLevel();
        return (level.Reserved, level.Available);
    }
}