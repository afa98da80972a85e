using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Rules;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.Domain;

/// <summary>
/// Orders in any status, shaped the way the lifecycle leaves them: four single-unit lines (SKU-A…SKU-D),
/// each reserved in its own warehouse (w1…w4), so an order can have up to four pick lists and shipments.
/// </summary>
internal static class AnOrder
{
    public const string Id = "OG-TEST-0001";

    public static readonly DateTimeOffset PlacedAt = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Later = PlacedAt.AddHours(1);

    public static readonly Actor Customer = Actor.Customer("c-1");

    public static readonly Actor Staff = Actor.Staff("ops-anna");

    public static readonly Actor Carrier = Actor.Carrier("DHL");

    public static readonly Address ShipTo = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB");

    private static readonly string[] Skus = ["SKU-A", "SKU-B", "SKU-C", "SKU-D"];

    /// <summary>The four lines, unallocated.</summary>
    public static ImmutableArray<OrderLine> Lines { get; } =
        [.. Skus.Select(sku => new OrderLine(sku, $"Product {sku}", 1, 10m, []))];

    public static string WarehouseOf(string sku) => $"w{Array.IndexOf(Skus, sku) + 1}";

    public static string PickListId(int number) => $"{Id}-P{number}";

    public static string ShipmentId(int number) => $"SH-TEST-000{number}";

    public static PlaceOrderCommand Placing(ImmutableArray<OrderLine> lines = default, params string[] reviewReasons)
    {
        lines = lines.IsDefault ? Lines : lines;
        var request = new PlaceOrder(
            "c-1", "c1@example.com", null, SalesChannel.Web,
            [.. lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity))], ShipTo, Customer);
        return new PlaceOrderCommand(Id, request, lines, "token", "fingerprint", [.. reviewReasons.Select(r => new RuleDecision(1, "high value", new RuleAction(RuleActionKind.Hold, r)))], Customer, PlacedAt);
    }

    /// <summary>What the stock grains answer when every line is reserved in its warehouse.</summary>
    public static ImmutableArray<OrderGrid.Stock.Allocation> FullyReserved(ImmutableArray<OrderLine> lines = default) =>
        [.. (lines.IsDefault ? Lines : lines).Select(l => new OrderGrid.Stock.Allocation(WarehouseOf(l.Sku), l.Sku, Id, l.Quantity, 0, 1))];

    public static OrderState NotPlaced() => new();

    public static OrderState In(OrderStatus status)
    {
        var placed = Placed(status);
        return status switch
        {
            OrderStatus.Placed => placed with { Steps = [new ReserveStock()] },
            OrderStatus.AwaitingReview => placed with { Holds = [new OrderHold(HoldKind.Review, "order value above 5,000.00", PlacedAt)] },
            OrderStatus.Reserved => placed with { Lines = Reserved() },
            OrderStatus.Backordered => placed with
            {
                Lines = Reserved().SetItem(0, Lines[0] with { Allocations = [new LineAllocation("w1", 0, 1, 1)] }),
                Holds = [new OrderHold(HoldKind.OutOfStock, "1 line waiting for stock", PlacedAt)],
            },
            OrderStatus.Processing => Fulfilling(placed, PickListStatus.Open, PickListStatus.Picked, PickListStatus.Packed, PickListStatus.Open),
            OrderStatus.PartiallyShipped => Fulfilling(placed, PickListStatus.Open, PickListStatus.Picked, PickListStatus.Packed, PickListStatus.Shipped),
            OrderStatus.Shipped => Travelling(placed, ShipmentStatus.Shipped),
            OrderStatus.InTransit => Travelling(placed, ShipmentStatus.InTransit),
            OrderStatus.OutForDelivery => Travelling(placed, ShipmentStatus.OutForDelivery),
            OrderStatus.Delivered => Travelling(placed, ShipmentStatus.Delivered) with { DeliveredAt = PlacedAt.AddMinutes(50) },
            OrderStatus.DeliveryException => Travelling(placed, ShipmentStatus.Exception, ShipmentStatus.InTransit),
            OrderStatus.Completed => Travelling(placed, ShipmentStatus.Delivered) with { DeliveredAt = PlacedAt.AddMinutes(50) },
            OrderStatus.Cancelled => placed with { Lines = Reserved(), Steps = [new ReleaseStock()] },
            OrderStatus.ReadyForPickup => Fulfilling(placed, PickListStatus.Packed, PickListStatus.Packed, PickListStatus.Packed, PickListStatus.Packed) with { Fulfilment = Fulfilment.Pickup("w1") },
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    private static ImmutableArray<OrderLine> Reserved() =>
        [.. Lines.Select(l => l with { Allocations = [new LineAllocation(WarehouseOf(l.Sku), l.Quantity, 0, 1)] })];

    private static OrderState Placed(OrderStatus status)
    {
        ImmutableArray<TimelineEntry> timeline = [new TimelineEntry(1, PlacedAt, "order.placed", "Order placed.", Customer, OrderStatus.Placed)];
        if (status != OrderStatus.Placed)
        {
            timeline = timeline.Add(new TimelineEntry(2, PlacedAt.AddMinutes(1), "test.arranged", $"Now {status}.", Actor.System, status));
        }

        return new OrderState
        {
            Id = Id,
            Status = status,
            Channel = SalesChannel.Web,
            CustomerId = "c-1",
            Email = "c1@example.com",
            ShipTo = ShipTo,
            Lines = Lines,
            Timeline = timeline,
            TrackingToken = "token",
            RequestFingerprint = "fingerprint",
            PlacedAt = PlacedAt,
            UpdatedAt = timeline[^1].At,
        };
    }

    /// <summary>One pick list per line, P1…P4, in the given statuses; shipped ones have a shipment.</summary>
    private static OrderState Fulfilling(OrderState placed, params PickListStatus[] statuses)
    {
        var lines = Reserved();
        var pickLists = lines.Select((l, i) => new PickList(
            PickListId(i + 1), Id, WarehouseOf(l.Sku), [new PickListLine(l.Sku, l.Name, l.Quantity, null)], statuses[i],
            statuses[i] == PickListStatus.Shipped ? ShipmentId(i + 1) : null));
        var shipments = statuses.Select((s, i) => (s, i)).Where(x => x.s == PickListStatus.Shipped)
            .Select(x => new ShipmentLink(ShipmentId(x.i + 1), PickListId(x.i + 1), "DHL", $"DH00000000{x.i + 1}GB", ShipmentStatus.Shipped));
        return placed with { Lines = lines, PickLists = [.. pickLists], Shipments = [.. shipments] };
    }

    /// <summary>Every pick list shipped; the first shipment has <paramref name="first"/>, the others <paramref name="rest"/>.</summary>
    private static OrderState Travelling(OrderState placed, ShipmentStatus first, ShipmentStatus? rest = null)
    {
        var shipped = Fulfilling(placed, PickListStatus.Shipped, PickListStatus.Shipped, PickListStatus.Shipped, PickListStatus.Shipped);
        return shipped with { Shipments = [.. shipped.Shipments.Select((s, i) => s with { Status = i == 0 ? first : rest ?? first })] };
    }
}