using System.Collections.Immutable;

using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Stock;

using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// Order state stored before the step list (six separate pending fields), as the storage serializer wrote it then
/// (the fixtures were captured with that code: <c>Storage/Fixtures/*.bin</c>), loads with every pending step in the
/// list, and the steps run.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedCluster.Name)]
public sealed class StoredStepsTests(ClusterFixture cluster)
{
    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "OrderGrid.Tests", "Storage", "Fixtures", name);

    private static OrderState Load(Serializer serializer, string name) =>
        new OrleansGrainStorageSerializer(serializer).Deserialize<OrderState>(new BinaryData(File.ReadAllBytes(Fixture(name))))!;

    [Fact]
    public void State_stored_with_every_pending_field_loads_with_each_step_in_the_list_in_the_order_they_ran()
    {
        var serializer = cluster.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        var stored = Load(serializer, "order-state-every-pending-field.bin");
        Assert.True(stored.LegacyReservationPending);
        Assert.Empty(stored.Steps);

        var upgraded = OrderLifecycle.Upgrade(stored);

        Assert.Equal<OrderStep>(
        [
            new ReserveStock(),
            new ReleaseStock(),
            new DispatchPickList("OG-LEGACY-0002-P1"),
            new DispatchPickList("OG-LEGACY-0002-P2"),
            new DispatchCollected("OG-LEGACY-0002-P3"),
            new ReturnStock(["LEGACY-SKU-2", "LEGACY-SKU-3"]),
            new AdjustReservation(),
        ], upgraded.Steps);
        Assert.Equal(OrderLifecycle.Upgrade(upgraded), upgraded);
        Assert.Equal(stored with { Steps = upgraded.Steps, LegacyReservationPending = false, LegacyReleasePending = false, LegacyAdjustmentPending = false, LegacyDispatchPending = [], LegacyCollectionPending = [], LegacyStockToReturn = [] }, upgraded);

        // Written again by this version and read back: the list is kept, the old fields stay empty.
        var storage = new OrleansGrainStorageSerializer(serializer);
        var again = storage.Deserialize<OrderState>(storage.Serialize(upgraded))!;
        Assert.Equal<OrderStep>(upgraded.Steps, again.Steps);
        Assert.False(again.LegacyReservationPending);
    }

    [Fact]
    public async Task A_cancelled_order_stored_with_its_release_pending_releases_the_stock_when_it_loads()
    {
        const string OrderId = "OG-LEGACY-0001";
        const string Sku = "LEGACY-SKU-1";
        await cluster.Receive("w1", Sku, 5);
        var held = await cluster.Stock("w1", Sku).Demand(new StockDemand(OrderId, 2, Backorder: true, DateTimeOffset.UtcNow));
        Assert.Equal(2, held.Reserved);

        var services = ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost!.Services;
        var stored = Load(services.GetRequiredService<Serializer>(), "order-state-cancelled-release-pending.bin");
        Assert.True(stored.LegacyReleasePending);
        var storage = services.GetRequiredKeyedService<IGrainStorage>("orders");
        await storage.WriteStateAsync("order", GrainId.Create("order", OrderId), new GrainState<OrderState>(stored));

        await cluster.Order(OrderId).ResumeSteps();

        Assert.Equal(0, (await cluster.Stock("w1", Sku).GetLevel()).Reserved);
        var order = (await cluster.Order(OrderId).Get())!;
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("stock.released", order.Timeline[^1].Kind);
    }
}