using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Tests.Demo;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedDemoCluster.Name)]
public sealed class DemoPurchaseOrderTests(DemoCluster demo) : IAsyncLifetime
{
    public async Task InitializeAsync() => Assert.True((await demo.Simulator.Start(DemoCluster.OrdersPerMinute)).Succeeded);

    public async Task DisposeAsync() => await demo.Simulator.Stop();

    [Fact]
    public async Task The_supplier_delivers_purchase_orders_in_full_once_their_day_has_come_and_not_before()
    {
        var stock = demo.Grains.GetGrain<ISkuStockGrain>(StockKey.For("w2", "DEMO-BENCH"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = await stock.Expect(new NewPurchaseOrder($"po-due-{Guid.NewGuid():N}", 36, today, Actor.Staff("planner-test")));
        var later = await stock.Expect(new NewPurchaseOrder($"po-later-{Guid.NewGuid():N}", 24, today.AddDays(2), Actor.Staff("planner-test")));
        Assert.True(due.Succeeded && later.Succeeded, due.Refusal?.Message ?? later.Refusal?.Message);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<PurchaseOrder> open;
        while ((open = await stock.PurchaseOrders()).Any(o => o.Id == due.Value!.Id))
        {
            Assert.True(DateTime.UtcNow < deadline, "The due purchase order was never delivered.");
            await Task.Delay(100);
        }

        Assert.Equal(later.Value!.Id, Assert.Single(open).Id);
        Assert.Equal(24, (await stock.GetLevel()).Incoming);
    }
}