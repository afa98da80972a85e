using OrderGrid.Common;
using OrderGrid.Demo;
using OrderGrid.Orders;

namespace OrderGrid.Tests.Demo;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedDemoCluster.Name)]
public sealed class DemoTrafficTests(DemoCluster demo) : IAsyncLifetime
{
    private static readonly string[] StepsToTheDoor =
    [
        "order.reserved", "order.processing", "pick-list.picked", "pick-list.packed", "order.shipped",
        "shipment.in-transit", "shipment.out-for-delivery", "shipment.delivered",
    ];

    private static readonly string[] Carriers = ["DHL", "UPS"];

    private readonly DateTimeOffset _since = DateTimeOffset.UtcNow;

    public async Task InitializeAsync() => Assert.True((await demo.Simulator.Start(DemoCluster.OrdersPerMinute)).Succeeded);

    public async Task DisposeAsync() => await demo.Simulator.Stop();

    [Fact]
    public async Task The_simulator_places_orders_across_channels_and_takes_them_to_the_door()
    {
        var orders = await DemoCluster.Eventually(
            () => demo.OrdersSince(_since),
            o => o.Select(x => x.Channel).Distinct().Count() >= 3 && o.Any(x => x.Status == OrderStatus.Delivered),
            "orders from three channels and one delivered");

        var delivered = orders.First(o => o.Status == OrderStatus.Delivered);
        var kinds = delivered.Timeline.Select(e => e.Kind).ToArray();
        Assert.Equal("order.placed", kinds[0]);
        var at = 0;
        foreach (var step in StepsToTheDoor)
        {
            at = Array.IndexOf(kinds, step, at) + 1;
            Assert.True(at > 0, $"No {step} where expected in: {string.Join(", ", kinds)}");
        }

        Assert.All(
            delivered.Timeline.Where(e => e.Actor.Kind is not (ActorKind.System or ActorKind.Rule)),
            e => Assert.Equal(DemoTrafficGrain.Actor, e.Actor));
        Assert.Contains(Assert.Single(delivered.Shipments).Carrier, Carriers);
        // Stopped, nothing is in flight: every order the journal has seen was counted (with those of earlier tests).
        var stopped = await demo.Simulator.Stop();
        Assert.True(stopped.Placed >= demo.OrdersSince(_since).Count, $"{stopped.Placed} placed");
    }

    [Fact]
    public async Task Orders_held_for_review_are_approved_after_a_while_as_staff_would()
    {
        var approved = await DemoCluster.Eventually(
            () => demo.OrdersSince(_since).FirstOrDefault(o => o.Timeline.Any(e => e.Kind == "order.approved")),
            o => o is not null,
            "an order approved by the simulator");

        Assert.Equal(DemoTrafficGrain.Actor, approved!.Timeline.Single(e => e.Kind == "order.approved").Actor);
    }

    [Fact]
    public async Task Orders_waiting_for_stock_are_filled_by_supplier_deliveries()
    {
        var filled = await DemoCluster.Eventually(
            () => demo.OrdersSince(_since).FirstOrDefault(o =>
                o.Timeline.Any(e => e.Kind == "order.backordered") && o.Timeline.Any(e => e.Status == OrderStatus.Processing)),
            o => o is not null,
            "a backordered order that got its stock and went to the warehouse");

        Assert.All(filled!.Lines, line => Assert.Equal(0, line.BackorderedQuantity));
    }

    [Fact]
    public async Task Stopping_the_simulator_stops_it_placing_and_moving_orders()
    {
        await DemoCluster.Eventually(() => demo.OrdersSince(_since), o => o.Count >= 3, "three orders");

        var stopped = await demo.Simulator.Stop();
        var doneBySimulator = SimulatorEntries();
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.False(stopped.Enabled);
        Assert.Equal(stopped, await demo.Simulator.Status());
        Assert.Equal(doneBySimulator, SimulatorEntries());
    }

    [Fact]
    public async Task A_pace_out_of_range_is_refused_and_changes_nothing()
    {
        var before = await demo.Simulator.SetPace(30);

        var tooSlow = await demo.Simulator.Start(0);
        var tooFast = await demo.Simulator.SetPace(DemoSimulation.MaxOrdersPerMinute + 1);

        Assert.Equal(RefusalKind.Invalid, tooSlow.Refusal?.Kind);
        Assert.Equal(RefusalKind.Invalid, tooFast.Refusal?.Kind);
        Assert.Contains("ordersPerMinute", tooFast.Refusal!.Errors!.Keys);
        Assert.Equal(30, (await demo.Simulator.Status()).OrdersPerMinute);
        Assert.True(before.Value!.Enabled);
    }

    private int SimulatorEntries() =>
        demo.Journal.Orders.Sum(o => o.Timeline.Count(e => e.Actor == DemoTrafficGrain.Actor));
}