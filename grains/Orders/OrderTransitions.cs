using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

using OrderGrid.Common;

using static OrderGrid.Orders.OrderMove;
using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Orders;

/// <summary>
/// The order's transition table, the one place that says which moves are legal in which status: status × move → the
/// statuses the move may lead to, or the refusal with its reason. <see cref="OrderLifecycle.Decide"/> asks it before
/// anything else and refuses a decision that would end in a status it does not list; the order views offer the actions
/// it allows (<see cref="OrderActions"/>); the state diagram in the docs is checked against it by a test.
/// What is not about the status (which pick list or shipment, pickup or delivery, merged or not) is decided by the
/// lifecycle's named conditions on top of it (<see cref="OrderLifecycle.Check"/>).
/// </summary>
public static class OrderTransitions
{
    private static readonly OrderStatus[] Statuses = Enum.GetValues<OrderStatus>();

    private static readonly OrderStatus[] GoodsGone =
        [PartiallyShipped, Shipped, InTransit, OutForDelivery, Delivered, DeliveryException, Completed];

    /// <summary>
    /// Steps the grain carried out (release, dispatch, collection, stock given back), after-sales notes and news of a
    /// waiting line's expected day: their answers are accepted in every status and never change it.
    /// </summary>
    public static ImmutableArray<OrderMove> Bookkeeping { get; } =
        [RecordRelease, RecordDispatch, RecordCollectionDispatch, RecordStockReturned, RecordAfterSales, RecordExpectedDay];

    /// <summary>
    /// Every legal move and a status it may lead to (a move with several outcomes has a row for each; a move that
    /// keeps the status leads to it). <see cref="Transition.From"/> null is an order not placed yet.
    /// </summary>
    public static ImmutableArray<Transition> Legal { get; } =
    [
        .. Moves(null, Place, Placed, AwaitingReview),
        .. Moves(Placed, RecordReservation, Reserved, Backordered),
        .. Moves(Placed, Modify, Placed, AwaitingReview),
        .. Moves(Placed, Cancel, Cancelled),
        .. Moves(AwaitingReview, Approve, Placed),
        .. Moves(AwaitingReview, Reject, Cancelled),
        .. Moves(AwaitingReview, Correct, AwaitingReview, Placed),
        .. Moves(AwaitingReview, Modify, AwaitingReview, Placed),
        .. Moves(AwaitingReview, Cancel, Cancelled),
        .. Moves(Reserved, IssuePickLists, Processing),
        .. Moves(Reserved, AllocateStock, Reserved),
        .. Moves(Reserved, Modify, Reserved, AwaitingReview),
        .. Moves(Reserved, RecordAdjustment, Reserved, Backordered),
        .. Moves(Reserved, Cancel, Cancelled),
        .. Moves(Backordered, AllocateStock, Backordered, Reserved),
        .. Moves(Backordered, Modify, Backordered, AwaitingReview),
        .. Moves(Backordered, RecordAdjustment, Backordered, Reserved),
        .. Moves(Backordered, Split, Processing),
        .. Moves(Backordered, WaitForStock, Backordered),
        .. Moves(Backordered, Cancel, Cancelled),
        .. Moves(Processing, Picked, Processing),
        .. Moves(Processing, Packed, Processing),
        .. Moves(Processing, Merge, Processing),
        .. Moves(Processing, IssuePickLists, Processing),
        .. Moves(Processing, AllocateStock, Processing),
        .. Moves(Processing, Ship, PartiallyShipped, Shipped),
        .. Moves(Processing, ShipMerged, PartiallyShipped, Shipped),
        .. Moves(Processing, OrderMove.ReadyForPickup, OrderStatus.ReadyForPickup),
        .. Moves(Processing, Cancel, Cancelled),
        .. Moves(PartiallyShipped, Picked, PartiallyShipped),
        .. Moves(PartiallyShipped, Packed, PartiallyShipped),
        .. Moves(PartiallyShipped, IssuePickLists, PartiallyShipped),
        .. Moves(PartiallyShipped, AllocateStock, PartiallyShipped),
        .. Moves(PartiallyShipped, Ship, PartiallyShipped, Shipped),
        .. Moves(PartiallyShipped, ShipMerged, PartiallyShipped, Shipped),
        .. Moves(PartiallyShipped, CarrierEvent, PartiallyShipped),

        // The order follows its least advanced shipment, and any exception shows: one event can move it several steps.
        .. Moves(Shipped, CarrierEvent, Shipped, InTransit, OutForDelivery, Delivered, DeliveryException),
        .. Moves(InTransit, CarrierEvent, InTransit, OutForDelivery, Delivered, DeliveryException),
        .. Moves(OutForDelivery, CarrierEvent, InTransit, OutForDelivery, Delivered, DeliveryException),
        .. Moves(DeliveryException, CarrierEvent, Shipped, InTransit, OutForDelivery, Delivered, DeliveryException),
        .. Moves(Delivered, CarrierEvent, Delivered),
        .. Moves(Delivered, Complete, Completed),
        .. Moves(Delivered, RequestReturn, Delivered),
        .. Moves(Completed, RequestReturn, Completed),
        .. Moves(OrderStatus.ReadyForPickup, Collected, Delivered),
        .. Moves(OrderStatus.ReadyForPickup, Cancel, Cancelled),
    ];

    /// <summary>
    /// Refusals with a reason of their own (<c>{id}</c> and <c>{status}</c> stand for the order's). Any status and
    /// move this table names nowhere is an illegal transition (<c>order.illegal-transition</c>).
    /// </summary>
    public static ImmutableArray<TransitionRefusal> Refused { get; } =
    [
        .. Statuses.Select(s => Conflict(s, Place, "order.already-placed", "Order {id} has already been placed.")),
        .. GoodsGone.Select(s => Conflict(s, Cancel, "order.not-cancellable", "Order {id} can no longer be cancelled: it is {status} and goods have left the warehouse.")),
        Conflict(Cancelled, Cancel, "order.not-cancellable", "Order {id} is already cancelled."),
        .. Statuses.Except([AwaitingReview]).Select(s => Conflict(s, Correct, "order.not-awaiting-review", "Only an order awaiting review can be corrected: order {id} is {status}.")),
        .. Statuses.Except([Placed, AwaitingReview, Reserved, Backordered]).Select(s => Conflict(s, Modify, "order.not-modifiable", "Order {id} can no longer be changed: it is {status} and its pick lists are issued.")),
        Conflict(Backordered, IssuePickLists, "order.waiting-for-stock", "Order {id} is still waiting for stock."),
        Conflict(Reserved, Split, "order.nothing-waits", "Order {id} waits for nothing: issue its pick lists instead."),
        .. Statuses.Except([Backordered]).Select(s => Conflict(s, WaitForStock, "order.not-waiting-for-stock", "Order {id} is not waiting for stock: it is {status}.")),
        .. Statuses.Except([Processing]).Select(s => Conflict(s, Merge, "order.not-mergeable", "Order {id} cannot be merged: only a delivery order being prepared, with every pick list open, can be.")),
        Conflict(OrderStatus.ReadyForPickup, Ship, "order.pickup-not-shipped", "Order {id} is collected at its store; it is not shipped by a carrier."),
        .. new[] { Placed, AwaitingReview, Reserved, Backordered, Processing, Cancelled, OrderStatus.ReadyForPickup }
            .Select(s => new TransitionRefusal(s, CarrierEvent, RefusalKind.NotFound, "shipment.not-found", "Order {id} has no shipment: it is {status}.")),
        .. Statuses.Except([Delivered, Completed]).Select(s => Conflict(s, RequestReturn, "return.not-delivered", "Order {id} is {status}: only delivered orders can be returned.")),
    ];

    /// <summary>News that does not concern an order in this status: accepted, and nothing changes.</summary>
    public static ImmutableArray<(OrderStatus Status, OrderMove Move)> Ignored { get; } =
        [.. Statuses.Except([Reserved, Backordered, Processing, PartiallyShipped]).Select(s => (s, AllocateStock))];

    /// <summary>
    /// Answers accepted in this status without changing it: the bookkeeping moves everywhere, and a reservation
    /// adjustment that arrives after the order stopped holding stock (it is only acknowledged).
    /// </summary>
    public static ImmutableArray<(OrderStatus Status, OrderMove Move)> Acknowledged { get; } =
    [
        .. from s in Statuses from m in Bookkeeping select (s, m),
        .. Statuses.Except([Reserved, Backordered]).Select(s => (s, RecordAdjustment)),
    ];

    private static readonly FrozenDictionary<(OrderStatus? From, OrderMove Move), ImmutableHashSet<OrderStatus>> Targeted =
        Legal.GroupBy(t => (t.From, t.Move)).ToFrozenDictionary(g => g.Key, g => g.Select(t => t.To).ToImmutableHashSet());

    private static readonly FrozenDictionary<(OrderStatus, OrderMove), TransitionRefusal> Reasons =
        Refused.ToFrozenDictionary(r => (r.Status, r.Move));

    private static readonly FrozenSet<(OrderStatus, OrderMove)> Unconcerned = Ignored.ToFrozenSet();

    private static readonly FrozenSet<(OrderStatus, OrderMove)> Kept = Acknowledged.ToFrozenSet();

    /// <summary>The statuses <paramref name="move"/> may lead to from <paramref name="from"/> (null: not placed); empty when it is not legal there.</summary>
    public static ImmutableHashSet<OrderStatus> Targets(OrderStatus? from, OrderMove move) =>
        Targeted.TryGetValue((from, move), out var to) ? to
        : from is { } status && (Kept.Contains((status, move)) || Unconcerned.Contains((status, move))) ? [status]
        : [];

    /// <summary>Whether the table lets <paramref name="move"/> change an order in <paramref name="from"/> (a legal row, not just news or bookkeeping).</summary>
    public static bool Allows(OrderStatus from, OrderMove move) => Targeted.ContainsKey((from, move));

    /// <summary>The statuses from which <paramref name="move"/> is legal.</summary>
    public static ImmutableHashSet<OrderStatus> StatusesAllowing(OrderMove move) =>
        [.. Statuses.Where(s => Allows(s, move))];

    /// <summary>News that an order in <paramref name="status"/> takes without any change.</summary>
    public static bool IsIgnored(OrderStatus status, OrderMove move) => Unconcerned.Contains((status, move));

    /// <summary>
    /// Why an order in <paramref name="status"/> may not make <paramref name="move"/>, in the order's words; null when
    /// the table allows it (legal, acknowledged or ignored).
    /// </summary>
    public static Refusal? RefusalFor(string orderId, OrderStatus? status, OrderMove move)
    {
        if (status is not { } from)
        {
            return Targeted.ContainsKey((null, move)) ? null : OrderGrid.Common.Refusal.NotFound("order.not-found", $"Order {orderId} does not exist.");
        }

        if (Targeted.ContainsKey((from, move)) || Kept.Contains((from, move)) || Unconcerned.Contains((from, move)))
        {
            return null;
        }

        return Reasons.TryGetValue((from, move), out var reason)
            ? reason.For(orderId)
            : Illegal(orderId, from, move);
    }

    /// <summary>The refusal of a move the table does not allow: <c>order.illegal-transition</c>.</summary>
    public static Refusal Illegal(string orderId, OrderStatus status, OrderMove move) =>
        OrderGrid.Common.Refusal.Conflict("order.illegal-transition", $"Cannot {Verb(move)}: order {orderId} is {status}.");

    /// <summary>The move's name in the state diagram, e.g. <c>issue-pick-lists</c>.</summary>
    public static string Name(OrderMove move) => JsonNamingPolicy.KebabCaseLower.ConvertName(move.ToString());

    private static string Verb(OrderMove move) => move switch
    {
        RecordReservation => "record a reservation",
        IssuePickLists => "issue pick lists",
        Picked => "mark a pick list picked",
        Packed => "mark a pick list packed",
        Ship or ShipMerged => "mark a pick list shipped",
        OrderMove.ReadyForPickup => "mark the order ready for collection",
        Collected => "hand over the order",
        CarrierEvent => "follow a shipment",
        AllocateStock => "allocate stock",
        RecordAdjustment => "adjust the reservation",
        RequestReturn => "open a return",
        WaitForStock => "wait for stock",
        _ => move.ToString().ToLowerInvariant(),
    };

    private static IEnumerable<Transition> Moves(OrderStatus? from, OrderMove move, params OrderStatus[] to) =>
        to.Select(status => new Transition(from, move, status));

    private static TransitionRefusal Conflict(OrderStatus status, OrderMove move, string code, string reason) =>
        new(status, move, RefusalKind.Conflict, code, reason);
}