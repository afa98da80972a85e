using System.Collections.Immutable;

using OrderGrid.Demo;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.Demo;

[Trait(Lane.Name, Lane.Fast)]
public sealed class DemoOperationsTests
{
    private const string OrderId = "OG-TEST-0001";
    private const string ShipmentId = "SH-TEST-0001";
    private static readonly DateTimeOffset At = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Address ShipTo = new("Lena Schmidt", "Berger Straße 12", null, "Frankfurt am Main", "60316", "DE");
    private static readonly string[] GermanHubs = ["Frankfurt hub", "Cologne depot", "Leipzig hub"];
    private static readonly DemoOrderTraits Smooth = new(ApprovedByStaff: true, ExtraScans: 0, DeliveryTrouble.None, "UPS");

    [Theory]
    [InlineData(OrderStatus.Placed, nameof(DemoAction.Wait))]
    [InlineData(OrderStatus.Reserved, nameof(DemoAction.IssuePickLists))]
    [InlineData(OrderStatus.Backordered, nameof(DemoAction.Restock))]
    [InlineData(OrderStatus.Delivered, nameof(DemoAction.StopFollowing))]
    [InlineData(OrderStatus.Completed, nameof(DemoAction.StopFollowing))]
    [InlineData(OrderStatus.Cancelled, nameof(DemoAction.StopFollowing))]
    public void An_order_moves_on_from_its_status(OrderStatus status, string expected) =>
        Assert.Equal(expected, DemoOperations.Next(Order(status), null, Smooth, new Random(1)).Action.ToString());

    [Fact]
    public void A_held_order_is_approved_only_when_its_story_says_so_and_otherwise_left_for_staff()
    {
        Assert.Equal(DemoAction.Approve, DemoOperations.Next(Order(OrderStatus.AwaitingReview), null, Smooth, new Random(1)).Action);
        var leftAlone = Smooth with { ApprovedByStaff = false };
        Assert.Equal(DemoAction.StopFollowing, DemoOperations.Next(Order(OrderStatus.AwaitingReview), null, leftAlone, new Random(1)).Action);
    }

    [Theory]
    [InlineData(PickListStatus.Open, nameof(DemoAction.MarkPicked))]
    [InlineData(PickListStatus.Picked, nameof(DemoAction.MarkPacked))]
    [InlineData(PickListStatus.Packed, nameof(DemoAction.Ship))]
    public void The_warehouse_picks_packs_and_ships_the_first_pick_list_not_shipped(PickListStatus status, string expected)
    {
        var order = Order(OrderStatus.PartiallyShipped) with
        {
            PickLists = [PickList(1, PickListStatus.Shipped), PickList(2, status)],
        };

        var step = DemoOperations.Next(order, null, Smooth, new Random(1));

        Assert.Equal(expected, step.Action.ToString());
        Assert.Equal($"{OrderId}-P2", step.PickListId);
    }

    [Fact]
    public void A_smooth_parcel_is_scanned_at_hubs_then_goes_out_for_delivery_and_is_delivered()
    {
        var story = Walk(Smooth with { ExtraScans = 2 });

        Assert.Equal(
            [ShipmentStatus.InTransit, ShipmentStatus.InTransit, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered],
            story.Events.Select(e => e.Status));
        Assert.All(story.Events.Take(3), e => Assert.Contains(e.Location, GermanHubs));
        Assert.Equal("Frankfurt am Main delivery office", story.Events[3].Location);
    }

    [Fact]
    public void A_troubled_parcel_fails_once_then_goes_back_to_the_depot_and_is_delivered()
    {
        var story = Walk(Smooth with { Trouble = DeliveryTrouble.Recovers });

        Assert.Equal(
            [ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Exception, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered],
            story.Events.Select(e => e.Status));
    }

    [Fact]
    public void A_parcel_that_stays_lost_is_left_for_staff()
    {
        var story = Walk(Smooth with { Trouble = DeliveryTrouble.Stays });

        Assert.Equal([ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Exception], story.Events.Select(e => e.Status));
        Assert.Equal(DemoAction.StopFollowing, DemoOperations.Next(Order(OrderStatus.DeliveryException), story, Smooth with { Trouble = DeliveryTrouble.Stays }, new Random(1)).Action);
    }

    [Fact]
    public void Every_pause_is_seconds_to_a_couple_of_minutes()
    {
        var random = new Random(7);
        var pauses = Enumerable.Range(0, 200).SelectMany(_ => new[]
        {
            DemoOperations.Next(Order(OrderStatus.Reserved), null, Smooth, random).Then,
            DemoOperations.Next(Order(OrderStatus.Processing) with { PickLists = [PickList(1, PickListStatus.Open)] }, null, Smooth, random).Then,
            DemoOperations.AfterPlacing(OrderStatus.AwaitingReview, random),
            DemoOperations.SupplierLeadTime(random),
        });

        Assert.All(pauses, pause => Assert.InRange(pause, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)));
    }

    [Theory]
    [InlineData(1, 24)]
    [InlineData(12, 24)]
    [InlineData(13, 36)]
    public void The_supplier_delivers_what_waiting_orders_need_in_cases_of_twelve_and_more(int backordered, int atLeast)
    {
        var delivered = DemoOperations.SupplierQuantity(backordered, new Random(3));

        Assert.Equal(0, delivered % 12);
        Assert.InRange(delivered, atLeast, atLeast + 36);
    }

    /// <summary>Plays the carrier's steps on one shipment until the simulator has nothing more to do to it.</summary>
    private static ShipmentView Walk(DemoOrderTraits traits)
    {
        var random = new Random(11);
        var shipment = new ShipmentView(ShipmentId, OrderId, "w1", traits.Carrier, "UP000000001GB", ShipmentStatus.Shipped, [], [], At);
        while (shipment.Status != ShipmentStatus.Delivered && shipment.Events.Length < 20)
        {
            var step = DemoOperations.Next(Order(OrderStatus.InTransit), shipment, traits, random);
            if (step.Action == DemoAction.StopFollowing)
            {
                break;
            }

            Assert.Equal(DemoAction.Track, step.Action);
            Assert.Equal(ShipmentId, step.ShipmentId);
            Assert.False(string.IsNullOrWhiteSpace(step.Location));
            var scan = new TrackingEvent(step.Status!.Value, step.Location, At, At, DemoTrafficGrain.Actor);
            shipment = shipment with { Status = scan.Status, Events = shipment.Events.Add(scan) };
        }

        return shipment;
    }

    private static OrderView Order(OrderStatus status) =>
        new(OrderId, status, "token", SalesChannel.Web, "demo-0001", "lena@example.com", null, ShipTo, [], 10m, [], [], [], [], At, At, 1);

    private static PickList PickList(int number, PickListStatus status) =>
        new($"{OrderId}-P{number}", OrderId, "w1", ImmutableArray<PickListLine>.Empty, status, null);
}