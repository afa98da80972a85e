using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Orders;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class OrderPlacementGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Placing_the_same_request_twice_places_one_order()
    {
        var sku = await cluster.NewProduct(unitPrice: 12.5m);
        await cluster.Receive("w1", sku, 10);
        var customerId = ClusterFixture.Unique("customer");
        var orderId = OrderIds.ForIdempotencyKey(customerId, "key-1");
        var request = ClusterFixture.Request(customerId, SalesChannel.App, (sku, 3));

        var first = await cluster.Place(orderId, request);
        var second = await cluster.Place(orderId, request with { PlacedBy = ClusterFixture.Ops });

        Assert.False(first.Value?.Replayed);
        Assert.True(second.Value?.Replayed);
        Assert.Equal(orderId, second.Value!.Order.Id);
        Assert.Equal((first.Value!.Order.Version, first.Value.Order.TrackingToken), (second.Value.Order.Version, second.Value.Order.TrackingToken));
        Assert.Equal(3, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
        Assert.Equal(orderId, (await cluster.Grains.GetGrain<ICustomerGrain>(customerId).Get()).FirstOrderId);
    }

    [Fact]
    public async Task Reusing_an_order_id_for_a_different_request_is_refused()
    {
        var sku = await cluster.NewProduct();
        await cluster.Receive("w1", sku, 10);
        var customerId = ClusterFixture.Unique("customer");
        var orderId = OrderIds.ForIdempotencyKey(customerId, "key-1");
        await cluster.Place(orderId, ClusterFixture.Request(customerId, SalesChannel.Web, (sku, 1)));

        var different = await cluster.Place(orderId, ClusterFixture.Request(customerId, SalesChannel.Web, (sku, 4)));

        Assert.Equal(RefusalKind.Unprocessable, different.Refusal?.Kind);
        Assert.Equal("order.idempotency-key-reused", different.Refusal?.Code);
        Assert.Equal(1, (await cluster.Order(orderId).Get())?.Lines[0].Quantity);
        Assert.Equal(1, (await cluster.Stock("w1", sku).GetLevel()).Reserved);
    }

    [Fact]
    public async Task Ordering_a_product_that_is_not_in_the_catalog_is_refused_naming_the_line()
    {
        var known = await cluster.NewProduct();
        var orderId = OrderIds.New();

        var unknownFirst = await cluster.Place(orderId, ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (ClusterFixture.Unique("nope"), 1)));
        var unknownSecond = await cluster.Place(orderId, ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (known, 1), (ClusterFixture.Unique("nope"), 1)));

        Assert.Equal(RefusalKind.Invalid, unknownFirst.Refusal?.Kind);
        Assert.Equal("order.unknown-sku", unknownFirst.Refusal?.Code);
        Assert.Equal(["lines[0].sku"], unknownFirst.Refusal!.Errors!.Keys);
        Assert.Equal(["lines[1].sku"], unknownSecond.Refusal!.Errors!.Keys);
        Assert.Null(await cluster.Order(orderId).Get());
    }

    [Fact]
    public async Task An_invalid_request_is_refused_with_field_errors_and_places_nothing()
    {
        var sku = await cluster.NewProduct();
        var orderId = OrderIds.New();

        var refused = await cluster.Place(orderId, ClusterFixture.Request(ClusterFixture.Unique("customer"), SalesChannel.Web, (sku, 0)));

        Assert.Equal(RefusalKind.Invalid, refused.Refusal?.Kind);
        Assert.Contains("lines[0].quantity", refused.Refusal!.Errors!.Keys);
        Assert.Null(await cluster.Order(orderId).Get());
    }

    [Fact]
    public async Task Prices_come_from_the_catalog()
    {
        var mug = await cluster.NewProduct(unitPrice: 4.99m);
        var plate = await cluster.NewProduct(unitPrice: 12m);
        await cluster.Receive("w1", mug, 5);
        await cluster.Receive("w1", plate, 5);

        var order = await cluster.Place((mug, 3), (plate, 2));

        Assert.Equal([(mug, 4.99m, 14.97m), (plate, 12m, 24m)], order.Lines.Select(l => (l.Sku, l.UnitPrice, l.LineTotal)));
        Assert.Equal(38.97m, order.Total);
    }

    [Fact]
    public async Task Only_the_right_tracking_token_shows_the_order_to_its_customer()
    {
        var sku = await cluster.NewProduct();
        var order = await cluster.Place((sku, 1));

        Assert.Equal(order.Id, (await cluster.Order(order.Id).GetForCustomer(order.TrackingToken))?.Id);
        Assert.Null(await cluster.Order(order.Id).GetForCustomer("wrong"));
        Assert.Null(await cluster.Order(OrderIds.New()).GetForCustomer(order.TrackingToken));
    }
}