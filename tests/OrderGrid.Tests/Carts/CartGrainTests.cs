using OrderGrid.Carts;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Carts;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class CartGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_cart_lists_its_products_at_catalog_prices()
    {
        var mug = await cluster.NewProduct(unitPrice: 4.5m);
        var plate = await cluster.NewProduct(unitPrice: 8m);
        var cart = cluster.Grains.GetGrain<ICartGrain>(ClusterFixture.Unique("cart"));

        await cart.SetQuantity(mug, 1);
        await cart.SetQuantity(plate, 2);
        await cart.SetQuantity(mug, 3);
        var view = (await cart.SetQuantity(plate, 0)).Value!;

        Assert.Equal([(mug, 3, 4.5m)], view.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice)));
        Assert.Equal(13.5m, view.Total);
        Assert.Equal<CartLine>(view.Lines, (await cart.Get()).Lines);
    }

    [Fact]
    public async Task A_product_that_is_not_in_the_catalog_cannot_be_added()
    {
        var cart = cluster.Grains.GetGrain<ICartGrain>(ClusterFixture.Unique("cart"));

        var added = await cart.SetQuantity(ClusterFixture.Unique("nope"), 1);

        Assert.Equal(RefusalKind.NotFound, added.Refusal?.Kind);
        Assert.Empty((await cart.Get()).Lines);
    }

    [Fact]
    public async Task Checking_out_places_the_cart_as_one_order_and_empties_the_cart()
    {
        var sku = await cluster.NewProduct(unitPrice: 20m);
        await cluster.Receive("w1", sku, 5);
        var customerId = ClusterFixture.Unique("customer");
        var cart = cluster.Grains.GetGrain<ICartGrain>(ClusterFixture.Unique("cart"));
        await cart.SetQuantity(sku, 2);
        var checkout = new Checkout(OrderIds.New(), $"{customerId}@example.com", null, SalesChannel.Web, ClusterFixture.ShipTo, customerId);

        var placed = await cart.Checkout(checkout);
        var retried = await cart.Checkout(checkout);
        var another = await cart.Checkout(checkout with { OrderId = OrderIds.New() });

        Assert.False(placed.Value?.Replayed);
        var order = placed.Value!.Order;
        Assert.Equal((checkout.OrderId, customerId, SalesChannel.Web, OrderStatus.Reserved, 40m), (order.Id, order.CustomerId, order.Channel, order.Status, order.Total));
        Assert.Equal([(sku, 2)], order.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Empty((await cart.Get()).Lines);
        Assert.True(retried.Value?.Replayed);
        Assert.Equal(order.Id, retried.Value!.Order.Id);
        Assert.Equal("cart.empty", another.Refusal?.Code);
        Assert.Equal(2, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task A_customers_cart_places_the_order_for_its_owner_whoever_the_checkout_names()
    {
        var sku = await cluster.NewProduct(unitPrice: 5m);
        await cluster.Receive("w1", sku, 5);
        var owner = ClusterFixture.Unique("customer");
        var cart = cluster.Grains.GetGrain<ICartGrain>(ClusterFixture.Unique("cart"));
        var opened = await cart.Open(owner);
        var openedAgain = await cart.Open(ClusterFixture.Unique("someone-else"));
        await cart.SetQuantity(sku, 1);

        var placed = await cart.Checkout(new Checkout(OrderIds.New(), "owner@example.com", null, SalesChannel.Web, ClusterFixture.ShipTo, "guest-OG-0000-0000"));

        Assert.Equal((owner, owner), (opened.CustomerId, openedAgain.CustomerId));
        Assert.Equal(owner, await cart.Owner());
        Assert.Equal(owner, placed.Value?.Order.CustomerId);
        Assert.Equal(owner, (await cart.Get()).CustomerId);
    }
}