using System.Collections.Frozen;

using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Demo;

/// <summary>
/// What the simulated warehouse staff and carriers do next to an order, decided from the order as it is now, so that
/// a step that failed, or whose answer was lost, is simply decided again at the next look and never done twice.
/// The pauses are those of a brisk warehouse: tens of seconds per step, a few minutes from placement to the door.
/// </summary>
internal static class DemoOperations
{
    private static readonly DemoStep StopFollowing = new(DemoAction.StopFollowing, TimeSpan.Zero);

    private static readonly string[] BritishHubs =
        ["Daventry national hub", "Leeds hub", "Birmingham hub", "Reading depot", "Manchester sorting centre", "Glasgow depot"];

    private static readonly FrozenDictionary<string, string[]> HubsByCountry = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["GB"] = BritishHubs,
        ["DE"] = ["Frankfurt hub", "Cologne depot", "Leipzig hub"],
        ["FR"] = ["Paris Roissy hub", "Lyon depot"],
        ["NL"] = ["Amsterdam depot", "Eindhoven hub"],
        ["IE"] = ["Dublin depot", "Athlone hub"],
        ["IT"] = ["Milano Linate hub", "Bologna depot"],
        ["ES"] = ["Madrid Coslada hub", "Zaragoza depot"],
        ["BE"] = ["Brussels hub", "Liège depot"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How long after placing an order in <paramref name="status"/> to look at it first.</summary>
    public static TimeSpan AfterPlacing(OrderStatus status, Random random) => status switch
    {
        OrderStatus.Reserved => Between(random, 20, 40),
        OrderStatus.AwaitingReview => Between(random, 30, 90),
        OrderStatus.Backordered => TimeSpan.Zero,
        _ => TimeSpan.FromSeconds(2),
    };

    /// <summary>How long the supplier takes to deliver stock that orders wait for.</summary>
    public static TimeSpan SupplierLeadTime(Random random) => Between(random, 45, 120);

    /// <summary>What the supplier delivers: what waiting orders need, in cases of 12, and a few cases more for the shelf.</summary>
    public static int SupplierQuantity(int backordered, Random random) => (12 * ((backordered + 11) / 12)) + (12 * random.Next(1, 5));

    /// <param name="shipment">The order's first shipment not yet delivered, when it has one.</param>
    public static DemoStep Next(OrderView order, ShipmentView? shipment, DemoOrderTraits traits, Random random) => order.Status switch
    {
        OrderStatus.Placed => Wait(2),
        OrderStatus.AwaitingReview => traits.ApprovedByStaff ? new(DemoAction.Approve, Between(random, 20, 40)) : StopFollowing,
        OrderStatus.Backordered => new(DemoAction.Restock, TimeSpan.FromSeconds(10)),
        OrderStatus.Reserved => new(DemoAction.IssuePickLists, Between(random, 15, 45)),
        OrderStatus.Processing or OrderStatus.PartiallyShipped when order.PickLists.FirstOrDefault(p => p.Status != PickListStatus.Shipped) is { } pickList =>
            Warehouse(pickList, random),
        OrderStatus.Processing => Wait(5),
        OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.InTransit or OrderStatus.OutForDelivery or OrderStatus.DeliveryException =>
            shipment is null || order.ShipTo is null ? Wait(5) : Carrier(order.ShipTo, shipment, traits, random),
        _ => StopFollowing,
    };

    private static DemoStep Warehouse(PickList pickList, Random random) => pickList.Status switch
    {
        PickListStatus.Open => new(DemoAction.MarkPicked, Between(random, 10, 30), PickListId: pickList.Id),
        PickListStatus.Picked => new(DemoAction.MarkPacked, Between(random, 10, 30), PickListId: pickList.Id),
        _ => new(DemoAction.Ship, Between(random, 20, 40), PickListId: pickList.Id),
    };

    private static DemoStep Carrier(Address shipTo, ShipmentView shipment, DemoOrderTraits traits, Random random)
    {
        var troubled = shipment.Events.Any(e => e.Status == ShipmentStatus.Exception);
        var hubs = HubsByCountry.GetValueOrDefault(shipTo.Country, BritishHubs);
        var depot = $"{shipTo.City} delivery office";
        DemoStep Track(ShipmentStatus status, string location, TimeSpan then) =>
            new(DemoAction.Track, then, ShipmentId: shipment.Id, Status: status, Location: location);

        return shipment.Status switch
        {
            ShipmentStatus.Shipped => Track(ShipmentStatus.InTransit, hubs[0], Between(random, 20, 50)),
            ShipmentStatus.InTransit when !troubled && HubScans(shipment) <= traits.ExtraScans =>
                Track(ShipmentStatus.InTransit, hubs[random.Next(hubs.Length)], Between(random, 20, 50)),
            ShipmentStatus.InTransit => Track(ShipmentStatus.OutForDelivery, depot, Between(random, 20, 60)),
            ShipmentStatus.OutForDelivery when traits.Trouble != DeliveryTrouble.None && !troubled =>
                Track(ShipmentStatus.Exception, shipTo.City, Between(random, 30, 90)),
            ShipmentStatus.OutForDelivery => Track(ShipmentStatus.Delivered, shipTo.City, TimeSpan.FromSeconds(5)),
            ShipmentStatus.Exception when traits.Trouble == DeliveryTrouble.Recovers => Track(ShipmentStatus.InTransit, depot, Between(random, 20, 60)),
            ShipmentStatus.Exception => StopFollowing,
            _ => Wait(1),
        };
    }

    /// <summary>In-transit scans since the shipment left or last changed state.</summary>
    private static int HubScans(ShipmentView shipment) =>
        shipment.Events.Reverse().TakeWhile(e => e.Status == ShipmentStatus.InTransit).Count();

    private static DemoStep Wait(int seconds) => new(DemoAction.Wait, TimeSpan.FromSeconds(seconds));

    private static TimeSpan Between(Random random, int minSeconds, int maxSeconds) =>
        TimeSpan.FromSeconds(minSeconds + (random.NextDouble() * (maxSeconds - minSeconds)));
}