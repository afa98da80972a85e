using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.ReadModel;

/// <summary>
/// An order's views as it moves on, built by hand the way the order grain would publish them, so that the writer
/// can be fed any snapshot in any order: <c>story.Reserve("uk-north").View</c>, <c>story.Change(fromVersion)</c>.
/// </summary>
public sealed class OrderStory
{
    private static readonly Address ShipTo = new("Ada Lovelace", "12 St James Sq", null, "London", "SW1Y 4JH", "GB");

    public OrderStory(string customerId, SalesChannel channel, DateTimeOffset placedAt, params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        View = new OrderView(
            OrderIds.New(), OrderStatus.Placed, "token", channel, customerId, $"{customerId}@example.com", null, ShipTo,
            [.. lines.Select(l => new OrderLineView(l.Sku, $"Product {l.Sku}", l.Quantity, l.UnitPrice, l.Quantity * l.UnitPrice, 0, 0, []))],
            lines.Sum(l => l.Quantity * l.UnitPrice), [], [], [], [], placedAt, placedAt, 0);
        View = Append(OrderStatus.Placed, "order.placed", Actor.Customer(customerId));
    }

    public OrderView View { get; private set; }

    public string Id => View.Id;

    public OrderChanged Change(long fromVersion = 0) => new(View, fromVersion);

    public OrderStory HoldForReview()
    {
        View = View with { Holds = [new OrderHold(HoldKind.Review, "value", View.UpdatedAt)] };
        View = Append(OrderStatus.AwaitingReview, "order.held-for-review", Actor.Rule("value"));
        return this;
    }

    public OrderStory Approve()
    {
        View = View with { Holds = [] };
        View = Append(OrderStatus.Placed, "order.approved", Actor.Staff("alice"));
        return this;
    }

    public OrderStory Reject()
    {
        View = View with { Holds = [] };
        View = Append(OrderStatus.Cancelled, "order.rejected", Actor.Staff("alice"));
        return this;
    }

    /// <summary>Every line reserved, split over the warehouses given (all of it in the first when only one).</summary>
    public OrderStory Reserve(params string[] warehouses)
    {
        View = View with { Lines = [.. View.Lines.Select(l => l with { ReservedQuantity = l.Quantity, Allocations = Split(l.Quantity, warehouses, backordered: false) })] };
        View = Append(OrderStatus.Reserved, "order.reserved", Actor.System);
        return this;
    }

    /// <summary>Every line waits for stock at <paramref name="warehouse"/>.</summary>
    public OrderStory Backorder(string warehouse)
    {
        View = View with
        {
            Lines = [.. View.Lines.Select(l => l with { BackorderedQuantity = l.Quantity, Allocations = [new LineAllocationView(warehouse, 0, l.Quantity)] })],
            Holds = [new OrderHold(HoldKind.OutOfStock, "waiting", View.UpdatedAt)],
        };
        View = Append(OrderStatus.Backordered, "order.backordered", Actor.System);
        return this;
    }

    /// <summary>Stock arrives for every line in <paramref name="warehouse"/>: the order is reserved (a second order.reserved).</summary>
    public OrderStory StockArrives(string warehouse)
    {
        View = View with
        {
            Lines = [.. View.Lines.Select(l => l with { ReservedQuantity = l.Quantity, BackorderedQuantity = 0, Allocations = [new LineAllocationView(warehouse, l.Quantity, 0)] })],
            Holds = [],
        };
        View = Append(OrderStatus.Reserved, "order.reserved", Actor.System);
        return this;
    }

    public OrderStory Cancel()
    {
        View = View with { Holds = [] };
        View = Append(OrderStatus.Cancelled, "order.cancelled", Actor.Staff("alice"));
        return this;
    }

    /// <summary>The stock of a cancelled order is released: its allocations are gone.</summary>
    public OrderStory Release()
    {
        View = View with { Lines = [.. View.Lines.Select(l => l with { ReservedQuantity = 0, BackorderedQuantity = 0, Allocations = [] })] };
        View = Append(View.Status, "stock.released", Actor.System);
        return this;
    }

    public OrderStory Ship(string shipmentId)
    {
        var warehouse = View.Lines[0].Allocations[0].WarehouseId;
        var pickList = new PickList($"{Id}-P1", Id, warehouse, [], PickListStatus.Shipped, shipmentId);
        View = View with
        {
            PickLists = [pickList],
            Shipments = [new ShipmentLink(shipmentId, pickList.Id, "UPS", "UP123456789GB", ShipmentStatus.Shipped)],
        };
        View = Append(OrderStatus.Shipped, "order.shipped", Actor.Staff("bob"));
        return this;
    }

    public OrderStory Deliver()
    {
        View = View with { Shipments = [.. View.Shipments.Select(s => s with { Status = ShipmentStatus.Delivered })] };
        View = Append(OrderStatus.Delivered, "shipment.delivered", Actor.Carrier("UPS"));
        return this;
    }

    private static ImmutableArray<LineAllocationView> Split(int quantity, string[] warehouses, bool backordered)
    {
        var builder = ImmutableArray.CreateBuilder<LineAllocationView>();
        var left = quantity;
        for (var i = 0; i < warehouses.Length; i++)
        {
            var part = i == warehouses.Length - 1 ? left : quantity / warehouses.Length;
            left -= part;
            builder.Add(backordered ? new LineAllocationView(warehouses[i], 0, part) : new LineAllocationView(warehouses[i], part, 0));
        }

        return builder.ToImmutable();
    }

    private OrderView Append(OrderStatus status, string kind, Actor actor)
    {
        var at = View.UpdatedAt.AddSeconds(1);
        var entry = new TimelineEntry(View.Version + 1, at, kind, kind, actor, status);
        return View with { Status = status, Timeline = View.Timeline.Add(entry), UpdatedAt = at, Version = entry.Sequence };
    }
}