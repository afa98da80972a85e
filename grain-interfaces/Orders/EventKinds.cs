using System.Collections.Frozen;
using System.Collections.Immutable;

using OrderGrid.AfterSales;
using OrderGrid.Shipping;

namespace OrderGrid.Orders;

/// <summary>One kind of order event: its wire name (a timeline entry's <see cref="TimelineEntry.Kind"/>, a webhook's <c>type</c>) and what it means.</summary>
/// <param name="Name">The wire name, e.g. <c>order.reserved</c>; stable: webhook receivers match on it.</param>
/// <param name="Group">The area it belongs to (Order, Stock, Shipment…), for the contract's table.</param>
/// <param name="Meaning">One sentence for the webhook contract.</param>
public sealed record EventKind(string Name, string Group, string Meaning)
{
    public override string ToString() => Name;
}

/// <summary>
/// The catalogue of order event kinds: every kind an order's timeline can hold, hence every webhook event type. The one
/// place they are written; the lifecycle, the after-sales grains, notifications, read models, the tracking view, the
/// dashboard (<c>dashboard/src/shared/event-kinds.ts</c>, generated) and the webhook contract in <c>docs/api.md</c>
/// (generated) all take them from here. No refusal code has the name of an event kind.
/// </summary>
public static class EventKinds
{
    /// <summary>The order was placed (any channel).</summary>
    public const string OrderPlaced = "order.placed";

    /// <summary>A rule held the order for review by staff; nothing is reserved yet.</summary>
    public const string OrderHeldForReview = "order.held-for-review";

    /// <summary>A rule approved the order without review.</summary>
    public const string OrderAutoApproved = "order.auto-approved";

    /// <summary>A rule changed how the order is handled (e.g. excluded a warehouse).</summary>
    public const string OrderRuleApplied = "order.rule-applied";

    /// <summary>Staff approved a held order (or a change lifted the hold).</summary>
    public const string OrderApproved = "order.approved";

    /// <summary>Staff rejected a held order: it is cancelled.</summary>
    public const string OrderRejected = "order.rejected";

    /// <summary>The order was cancelled by the customer or staff.</summary>
    public const string OrderCancelled = "order.cancelled";

    /// <summary>Lines or the delivery address were changed.</summary>
    public const string OrderModified = "order.modified";

    /// <summary>Every unit of the order is reserved.</summary>
    public const string OrderReserved = "order.reserved";

    /// <summary>Part of the order waits for stock.</summary>
    public const string OrderBackordered = "order.backordered";

    /// <summary>Stock arrived for part of what the order waits for.</summary>
    public const string OrderStockAllocated = "order.stock-allocated";

    /// <summary>Stock arrived for the rest of a split order.</summary>
    public const string OrderRemainderReserved = "order.remainder-reserved";

    /// <summary>The order ships in more than one parcel.</summary>
    public const string OrderSplit = "order.split";

    /// <summary>The order ships in one parcel with other orders of the customer (its merge).</summary>
    public const string OrderMerged = "order.merged";

    /// <summary>Pick lists were issued: the order is being prepared.</summary>
    public const string OrderProcessing = "order.processing";

    /// <summary>The last pick list shipped.</summary>
    public const string OrderShipped = "order.shipped";

    /// <summary>A pick list shipped; more follow.</summary>
    public const string OrderPartiallyShipped = "order.partially-shipped";

    /// <summary>The order is complete.</summary>
    public const string OrderCompleted = "order.completed";

    /// <summary>A refund was recorded for units the order no longer sends.</summary>
    public const string OrderRefundRecorded = "order.refund-recorded";

    /// <summary>Open purchase orders moved the day a waiting line is expected (or no longer cover it).</summary>
    public const string OrderExpectedDay = "order.expected-day";

    /// <summary>The order's reserved stock was released.</summary>
    public const string StockReleased = "stock.released";

    /// <summary>The reservation follows a change of the order.</summary>
    public const string StockAdjusted = "stock.adjusted";

    /// <summary>The customer chose to wait for everything.</summary>
    public const string ShortageWaitForStock = "shortage.wait-for-stock";

    /// <summary>The customer chose to ship what is here now (a split follows).</summary>
    public const string ShortageShipAvailableNow = "shortage.ship-available-now";

    /// <summary>The customer chose to drop what is missing (a change and a refund follow).</summary>
    public const string ShortageDropMissingLines = "shortage.drop-missing-lines";

    /// <summary>A pick list is open again.</summary>
    public const string PickListOpen = "pick-list.open";

    /// <summary>A pick list was picked.</summary>
    public const string PickListPicked = "pick-list.picked";

    /// <summary>A pick list was packed.</summary>
    public const string PickListPacked = "pick-list.packed";

    /// <summary>A pick list was marked shipped.</summary>
    public const string PickListShipped = "pick-list.shipped";

    /// <summary>A click &amp; collect order is ready at its store.</summary>
    public const string PickupReady = "pickup.ready";

    /// <summary>The customer collected the order at the store.</summary>
    public const string PickupCollected = "pickup.collected";

    /// <summary>The carrier reported the parcel shipped.</summary>
    public const string ShipmentShipped = "shipment.shipped";

    /// <summary>The carrier reported the parcel in transit.</summary>
    public const string ShipmentInTransit = "shipment.in-transit";

    /// <summary>The carrier reported the parcel out for delivery.</summary>
    public const string ShipmentOutForDelivery = "shipment.out-for-delivery";

    /// <summary>The carrier reported the parcel delivered.</summary>
    public const string ShipmentDelivered = "shipment.delivered";

    /// <summary>The carrier reported a delivery problem.</summary>
    public const string ShipmentException = "shipment.exception";

    /// <summary>A return was requested.</summary>
    public const string ReturnRequested = "return.requested";

    /// <summary>The return was approved.</summary>
    public const string ReturnApproved = "return.approved";

    /// <summary>The return was declined.</summary>
    public const string ReturnDeclined = "return.declined";

    /// <summary>The returned goods arrived.</summary>
    public const string ReturnReceived = "return.received";

    /// <summary>The return was refunded.</summary>
    public const string ReturnRefunded = "return.refunded";

    /// <summary>An exchange created a replacement order (on both orders).</summary>
    public const string ExchangeCreated = "exchange.created";

    /// <summary>A service ticket was opened on the order.</summary>
    public const string TicketOpened = "ticket.opened";

    /// <summary>A message was added to a service ticket.</summary>
    public const string TicketMessage = "ticket.message";

    /// <summary>A service ticket is open again.</summary>
    public const string TicketOpen = "ticket.open";

    /// <summary>A service ticket waits for the customer.</summary>
    public const string TicketWaitingOnCustomer = "ticket.waiting-on-customer";

    /// <summary>A service ticket was answered.</summary>
    public const string TicketAnswered = "ticket.answered";

    /// <summary>A service ticket was resolved.</summary>
    public const string TicketResolved = "ticket.resolved";

    /// <summary>A service ticket was closed.</summary>
    public const string TicketClosed = "ticket.closed";

    /// <summary>The customer was asked to rate the order.</summary>
    public const string FeedbackRequested = "feedback.requested";

    /// <summary>Every kind, with its meaning, in the order of the contract.</summary>
    public static ImmutableArray<EventKind> All { get; } =
    [
        new(OrderPlaced, "Order", "The order was placed (any channel)."),
        new(OrderHeldForReview, "Order", "A rule held the order for review by staff; nothing is reserved yet."),
        new(OrderAutoApproved, "Order", "A rule approved the order without review."),
        new(OrderRuleApplied, "Order", "A rule changed how the order is handled (e.g. excluded a warehouse)."),
        new(OrderApproved, "Order", "Staff approved a held order (or a change lifted the hold)."),
        new(OrderRejected, "Order", "Staff rejected a held order: it is cancelled."),
        new(OrderCancelled, "Order", "The order was cancelled by the customer or staff."),
        new(OrderModified, "Order", "Lines or the delivery address were changed."),
        new(OrderReserved, "Order", "Every unit of the order is reserved."),
        new(OrderBackordered, "Order", "Part of the order waits for stock."),
        new(OrderStockAllocated, "Order", "Stock arrived for part of what the order waits for."),
        new(OrderRemainderReserved, "Order", "Stock arrived for the rest of a split order."),
        new(OrderSplit, "Order", "The order ships in more than one parcel."),
        new(OrderMerged, "Order", "The order ships in one parcel with other orders of the customer (its merge)."),
        new(OrderProcessing, "Order", "Pick lists were issued: the order is being prepared."),
        new(OrderShipped, "Order", "The last pick list shipped."),
        new(OrderPartiallyShipped, "Order", "A pick list shipped; more follow."),
        new(OrderCompleted, "Order", "The order is complete."),
        new(OrderRefundRecorded, "Order", "A refund was recorded for units the order no longer sends."),
        new(OrderExpectedDay, "Order", "Open purchase orders moved the day a waiting line is expected, or no longer cover it."),
        new(StockReleased, "Stock", "The order's reserved stock was released."),
        new(StockAdjusted, "Stock", "The reservation follows a change of the order."),
        new(ShortageWaitForStock, "Shortage", "The customer chose to wait for everything."),
        new(ShortageShipAvailableNow, "Shortage", "The customer chose to ship what is here now (a split follows)."),
        new(ShortageDropMissingLines, "Shortage", "The customer chose to drop what is missing (a change and a refund follow)."),
        new(PickListOpen, "PickList", "A pick list is open again."),
        new(PickListPicked, "PickList", "A pick list was picked."),
        new(PickListPacked, "PickList", "A pick list was packed."),
        new(PickListShipped, "PickList", "A pick list was marked shipped."),
        new(PickupReady, "Pickup", "A click & collect order is ready at its store."),
        new(PickupCollected, "Pickup", "The customer collected the order at the store."),
        new(ShipmentShipped, "Shipment", "The carrier reported the parcel shipped."),
        new(ShipmentInTransit, "Shipment", "The carrier reported the parcel in transit."),
        new(ShipmentOutForDelivery, "Shipment", "The carrier reported the parcel out for delivery."),
        new(ShipmentDelivered, "Shipment", "The carrier reported the parcel delivered."),
        new(ShipmentException, "Shipment", "The carrier reported a delivery problem."),
        new(ReturnRequested, "Return", "A return was requested."),
        new(ReturnApproved, "Return", "The return was approved."),
        new(ReturnDeclined, "Return", "The return was declined."),
        new(ReturnReceived, "Return", "The returned goods arrived."),
        new(ReturnRefunded, "Return", "The return was refunded."),
        new(ExchangeCreated, "Return", "An exchange created a replacement order (on both orders)."),
        new(TicketOpened, "Ticket", "A service ticket was opened on the order."),
        new(TicketMessage, "Ticket", "A message was added to a service ticket."),
        new(TicketOpen, "Ticket", "A service ticket is open again."),
        new(TicketWaitingOnCustomer, "Ticket", "A service ticket waits for the customer."),
        new(TicketAnswered, "Ticket", "A service ticket was answered."),
        new(TicketResolved, "Ticket", "A service ticket was resolved."),
        new(TicketClosed, "Ticket", "A service ticket was closed."),
        new(FeedbackRequested, "Feedback", "The customer was asked to rate the order."),
    ];

    private static readonly FrozenSet<string> Names = All.Select(k => k.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> is in the catalogue.</summary>
    public static bool IsCatalogued(string kind) => Names.Contains(kind);

    /// <summary>The kind of a carrier's news about a shipment.</summary>
    public static string Shipment(ShipmentStatus status) => status switch
    {
        ShipmentStatus.InTransit => ShipmentInTransit,
        ShipmentStatus.OutForDelivery => ShipmentOutForDelivery,
        ShipmentStatus.Delivered => ShipmentDelivered,
        ShipmentStatus.Exception => ShipmentException,
        _ => ShipmentShipped,
    };

    /// <summary>The kind of a pick list's move to <paramref name="status"/>.</summary>
    public static string PickList(PickListStatus status) => status switch
    {
        PickListStatus.Picked => PickListPicked,
        PickListStatus.Packed => PickListPacked,
        PickListStatus.Shipped => PickListShipped,
        _ => PickListOpen,
    };

    /// <summary>The kind of a service ticket's move to <paramref name="status"/>.</summary>
    public static string Ticket(TicketStatus status) => status switch
    {
        TicketStatus.WaitingOnCustomer => TicketWaitingOnCustomer,
        TicketStatus.Answered => TicketAnswered,
        TicketStatus.Resolved => TicketResolved,
        TicketStatus.Closed => TicketClosed,
        _ => TicketOpen,
    };
}