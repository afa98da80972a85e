using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;

using static OrderGrid.Orders.OrderStatus;
using static OrderGrid.Tests.Domain.LifecycleMove;

namespace OrderGrid.Tests.Domain;

public sealed class OrderLifecycleTests
{
    private const string IllegalTransition = "order.illegal-transition";
    private const string NotCancellable = "order.not-cancellable";

    /// <summary>Every move that is carried out, and the status it leads to. Pick-list moves target a pick list in the right state.</summary>
    private static readonly (OrderStatus From, LifecycleMove Move, OrderStatus To)[] LegalMoves =
    [
        (Placed, RecordReservation, Reserved),
        (Placed, Cancel, Cancelled),
        (AwaitingReview, Approve, Placed),
        (AwaitingReview, Reject, Cancelled),
        (AwaitingReview, Cancel, Cancelled),
        (Reserved, IssuePickLists, Processing),
        (Reserved, Cancel, Cancelled),
        (Backordered, AllocateStock, Reserved),
        (Backordered, Cancel, Cancelled),
        (Processing, MarkPicked, Processing),
        (Processing, MarkPacked, Processing),
        (Processing, Ship, PartiallyShipped),
        (Processing, Cancel, Cancelled),
        (PartiallyShipped, MarkPicked, PartiallyShipped),
        (PartiallyShipped, MarkPacked, PartiallyShipped),
        (PartiallyShipped, Ship, PartiallyShipped),
        (PartiallyShipped, FollowShipment, PartiallyShipped),
        (Shipped, FollowShipment, Shipped),
        (InTransit, FollowShipment, InTransit),
        (OutForDelivery, FollowShipment, OutForDelivery),
        (Delivered, FollowShipment, Delivered),
        (Delivered, Complete, Completed),
        (DeliveryException, FollowShipment, InTransit),
        (Cancelled, RecordRelease, Cancelled),
        (ReadyForPickup, Cancel, Cancelled),
    ];

    /// <summary>News that does not apply to the order in this status: accepted, and nothing changes.</summary>
    private static readonly (OrderStatus Status, LifecycleMove Move)[] IgnoredMoves =
    [
        // A reserved order already holds all its stock: a warehouse repeating that changes nothing.
        .. Statuses.Except([Backordered]).Select(s => (s, AllocateStock)),
        .. Statuses.Except([Cancelled]).Select(s => (s, RecordRelease)),
        .. Statuses.Select(s => (s, RecordDispatch)),
    ];

    /// <summary>Refusals with a reason of their own; every other move is an illegal transition.</summary>
    private static readonly (OrderStatus Status, LifecycleMove Move, RefusalKind Kind, string Code)[] SpecialRefusals =
    [
        .. Statuses.Select(s => (s, Place, RefusalKind.Conflict, "order.already-placed")),
        .. new[] { PartiallyShipped, Shipped, InTransit, OutForDelivery, Delivered, DeliveryException, Completed, Cancelled }
            .Select(s => (s, Cancel, RefusalKind.Conflict, NotCancellable)),
        (Backordered, IssuePickLists, RefusalKind.Conflict, "order.waiting-for-stock"),
        .. new[] { Placed, AwaitingReview, Reserved, Backordered, Processing, Cancelled, ReadyForPickup }
            .Select(s => (s, FollowShipment, RefusalKind.NotFound, "shipment.not-found")),
        (ReadyForPickup, LifecycleMove.Ship, RefusalKind.Conflict, "order.pickup-not-shipped"),
    ];

    private static OrderStatus[] Statuses => Enum.GetValues<OrderStatus>();

    private static IEnumerable<(OrderStatus Status, LifecycleMove Move)> EveryPair =>
        from s in Statuses from m in Enum.GetValues<LifecycleMove>() select (s, m);

    public static TheoryData<OrderStatus, LifecycleMove, OrderStatus> Legal => Rows(LegalMoves);

    public static TheoryData<OrderStatus, LifecycleMove> Ignored => Rows(IgnoredMoves);

    public static TheoryData<OrderStatus, LifecycleMove, RefusalKind, string> Refused => Rows(
        EveryPair
            .Where(p => !LegalMoves.Any(l => (l.From, l.Move) == p) && !IgnoredMoves.Contains(p))
            .Select(p => SpecialRefusals.FirstOrDefault(r => (r.Status, r.Move) == p) is { Code: not null } r
                ? (p.Status, p.Move, r.Kind, r.Code)
                : (p.Status, p.Move, RefusalKind.Conflict, IllegalTransition)));

    public static TheoryData<LifecycleMove> EveryMoveButPlace => new(Enum.GetValues<LifecycleMove>().Except([Place]));

    public static TheoryData<OrderStatus, LifecycleMove> PickListMovesWhileFulfilling => Rows(
        from s in new[] { Processing, PartiallyShipped } from m in new[] { MarkPicked, MarkPacked, Ship } select (s, m));

    [Fact]
    public void The_tables_name_every_status_and_move_exactly_once()
    {
        var named = LegalMoves.Select(l => (l.From, l.Move)).Concat(IgnoredMoves).ToArray();

        Assert.Equal(named.Length, named.Distinct().Count());
        Assert.All(SpecialRefusals, r => Assert.DoesNotContain((r.Status, r.Move), named));
        Assert.Equal(EveryPair.Count(), named.Length + Refused.Count);
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public void A_legal_move_changes_the_status_and_records_what_happened(OrderStatus from, LifecycleMove move, OrderStatus to)
    {
        var state = AnOrder.In(from);
        var command = CommandFor(move, state);

        var result = OrderLifecycle.Decide(state, command);

        Assert.Null(result.Refusal);
        Assert.Equal(to, result.State.Status);
        Assert.NotEmpty(result.Events);
        Assert.Equal(to, result.Events[^1].Status);
        Assert.Equal(Enumerable.Range(1, result.Events.Length).Select(i => state.Version + i), result.Events.Select(e => e.Sequence));
        Assert.All(result.Events, e => Assert.Equal((command.By, command.At), (e.Actor, e.At)));
        Assert.Equal<TimelineEntry>(state.Timeline.AddRange(result.Events), result.State.Timeline);
    }

    [Theory]
    [MemberData(nameof(Ignored))]
    public void News_that_does_not_apply_is_accepted_and_changes_nothing(OrderStatus status, LifecycleMove move)
    {
        var state = AnOrder.In(status);

        var result = OrderLifecycle.Decide(state, CommandFor(move, state));

        Assert.Null(result.Refusal);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_illegal_move_is_refused_with_its_reason_and_changes_nothing(OrderStatus status, LifecycleMove move, RefusalKind kind, string code)
    {
        var state = AnOrder.In(status);

        var result = OrderLifecycle.Decide(state, CommandFor(move, state));

        Assert.NotNull(result.Refusal);
        Assert.Equal(kind, result.Refusal.Kind);
        Assert.Equal(code, result.Refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Theory]
    [MemberData(nameof(EveryMoveButPlace))]
    public void An_order_that_was_never_placed_is_not_found(LifecycleMove move)
    {
        var state = AnOrder.NotPlaced();

        var result = OrderLifecycle.Decide(state, CommandFor(move, state));

        Assert.Equal(RefusalKind.NotFound, result.Refusal?.Kind);
        Assert.Equal("order.not-found", result.Refusal?.Code);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Theory]
    [MemberData(nameof(PickListMovesWhileFulfilling))]
    public void Moving_an_unknown_pick_list_is_not_found(OrderStatus status, LifecycleMove move)
    {
        var state = AnOrder.In(status);
        OrderCommand command = move switch
        {
            MarkPicked => new MarkPickedCommand("OG-OTHER-0001-P1", AnOrder.Staff, AnOrder.Later),
            MarkPacked => new MarkPackedCommand("OG-OTHER-0001-P1", AnOrder.Staff, AnOrder.Later),
            _ => new ShipPickListCommand("OG-OTHER-0001-P1", new ShippingLabel("SH-NEW0-0001", "DHL", "DH1GB"), AnOrder.Staff, AnOrder.Later),
        };

        var result = OrderLifecycle.Decide(state, command);

        Assert.Equal(RefusalKind.NotFound, result.Refusal?.Kind);
        Assert.Equal("pick-list.not-found", result.Refusal?.Code);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Marking_a_pick_list_out_of_turn_is_refused()
    {
        var state = AnOrder.In(Processing);

        var packedBeforePicked = OrderLifecycle.Decide(state, new MarkPackedCommand(AnOrder.PickListId(1), AnOrder.Staff, AnOrder.Later));
        var shippedBeforePacked = OrderLifecycle.Decide(state, new ShipPickListCommand(AnOrder.PickListId(2), Label(9), AnOrder.Staff, AnOrder.Later));

        Assert.Equal("pick-list.illegal-transition", packedBeforePicked.Refusal?.Code);
        Assert.Equal("pick-list.illegal-transition", shippedBeforePacked.Refusal?.Code);
        Assert.Same(state, packedBeforePicked.State);
        Assert.Same(state, shippedBeforePacked.State);
    }

    [Fact]
    public void Placing_an_order_without_review_reasons_waits_for_its_reservation()
    {
        var result = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing());

        Assert.Equal(Placed, result.State.Status);
        Assert.True(result.State.ReservationPending);
        Assert.Empty(result.State.Holds);
        var entry = Assert.Single(result.Events);
        Assert.Equal((1L, "order.placed", AnOrder.Customer, AnOrder.PlacedAt), (entry.Sequence, entry.Kind, entry.Actor, entry.At));
        Assert.Equal(AnOrder.PlacedAt, result.State.PlacedAt);
        Assert.Equal(40m, result.State.Total);
    }

    [Fact]
    public void Placing_an_order_above_the_review_threshold_holds_it_for_review_without_reserving()
    {
        var result = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing(default, "order value 6,000.00 is above 5,000.00"));

        Assert.Equal(AwaitingReview, result.State.Status);
        Assert.False(result.State.ReservationPending);
        var hold = Assert.Single(result.State.Holds);
        Assert.Equal(HoldKind.Review, hold.Kind);
        Assert.Equal("order value 6,000.00 is above 5,000.00", hold.Reason);
        Assert.Equal([1L, 2L], result.Events.Select(e => e.Sequence));
        Assert.Equal([Placed, AwaitingReview], result.Events.Select(e => e.Status));
    }

    [Fact]
    public void Approving_a_held_order_lifts_the_hold_and_asks_for_a_reservation()
    {
        var held = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing(default, "too valuable")).State;

        var approved = OrderLifecycle.Decide(held, new ApproveOrderCommand(AnOrder.Staff, AnOrder.Later)).State;

        Assert.Equal(Placed, approved.Status);
        Assert.Empty(approved.Holds);
        Assert.True(approved.ReservationPending);
        Assert.Equal(AnOrder.Staff, approved.Timeline[^1].Actor);
    }

    [Fact]
    public void Rejecting_a_held_order_cancels_it_without_releasing_stock_it_never_had()
    {
        var held = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing(default, "too valuable")).State;

        var rejected = OrderLifecycle.Decide(held, new RejectOrderCommand("suspected fraud", AnOrder.Staff, AnOrder.Later)).State;

        Assert.Equal(Cancelled, rejected.Status);
        Assert.Empty(rejected.Holds);
        Assert.False(rejected.ReleasePending);
        Assert.Contains("suspected fraud", rejected.Timeline[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_a_full_reservation_reserves_the_order()
    {
        var placed = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing()).State;

        var result = OrderLifecycle.Decide(placed, new RecordReservationCommand(AnOrder.FullyReserved(), Actor.System, AnOrder.Later));

        Assert.Equal(Reserved, result.State.Status);
        Assert.False(result.State.ReservationPending);
        Assert.Empty(result.State.Holds);
        Assert.All(result.State.Lines, l => Assert.Equal((1, 0), (l.Reserved, l.Backordered)));
        Assert.Equal(["w1", "w2", "w3", "w4"], result.State.Lines.Select(l => Assert.Single(l.Allocations).WarehouseId));
    }

    [Fact]
    public void Recording_a_partial_reservation_backorders_the_order_and_tells_the_customer_it_waits_for_stock()
    {
        var placed = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing()).State;
        var allocations = AnOrder.FullyReserved().SetItem(0, new Allocation("w1", "SKU-A", AnOrder.Id, 0, 1, 1));

        var result = OrderLifecycle.Decide(placed, new RecordReservationCommand(allocations, Actor.System, AnOrder.Later));

        Assert.Equal(Backordered, result.State.Status);
        var hold = Assert.Single(result.State.Holds);
        Assert.Equal(HoldKind.OutOfStock, hold.Kind);
        Assert.Contains("waiting for stock", Assert.Single(result.Events).Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0, 1), (result.State.Lines[0].Reserved, result.State.Lines[0].Backordered));
    }

    [Fact]
    public void Stock_completing_a_backorder_reserves_the_order_and_lifts_the_out_of_stock_hold()
    {
        var backordered = AnOrder.In(Backordered);

        var result = OrderLifecycle.Decide(backordered, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, 2), Actor.System, AnOrder.Later));

        Assert.Equal(Reserved, result.State.Status);
        Assert.DoesNotContain(result.State.Holds, h => h.Kind == HoldKind.OutOfStock);
        Assert.Equal("order.reserved", Assert.Single(result.Events).Kind);
    }

    [Fact]
    public void Stock_filling_part_of_a_backorder_keeps_the_order_waiting()
    {
        var line = new OrderLine("SKU-A", "Product SKU-A", 3, 10m, [new LineAllocation("w1", 0, 3, 1)]);
        var backordered = AnOrder.In(Backordered) with { Lines = [line] };

        var result = OrderLifecycle.Decide(backordered, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 2, 1, 2), Actor.System, AnOrder.Later));

        Assert.Equal(Backordered, result.State.Status);
        Assert.Contains(result.State.Holds, h => h.Kind == HoldKind.OutOfStock);
        Assert.Equal("order.stock-allocated", Assert.Single(result.Events).Kind);
        Assert.Equal((2, 1), (result.State.Lines[0].Reserved, result.State.Lines[0].Backordered));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Stock_news_no_newer_than_what_the_order_knows_is_ignored(long version)
    {
        var backordered = AnOrder.In(Backordered);

        var result = OrderLifecycle.Decide(backordered, new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, version), Actor.System, AnOrder.Later));

        Assert.Same(backordered, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Stock_news_for_a_product_not_on_the_order_is_ignored()
    {
        var backordered = AnOrder.In(Backordered);

        var result = OrderLifecycle.Decide(backordered, new AllocateStockCommand(new Allocation("w1", "SKU-Z", AnOrder.Id, 1, 0, 9), Actor.System, AnOrder.Later));

        Assert.Same(backordered, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_warehouse_holding_nothing_for_the_order_adds_nothing_to_it()
    {
        var backordered = AnOrder.In(Backordered);

        var result = OrderLifecycle.Decide(backordered, new AllocateStockCommand(new Allocation("w9", "SKU-A", AnOrder.Id, 0, 0, 50), Actor.System, AnOrder.Later));

        Assert.Same(backordered, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Issuing_pick_lists_makes_one_per_warehouse_numbered_from_one()
    {
        ImmutableArray<OrderLine> lines =
        [
            new("SKU-A", "Mug", 2, 5m, [new LineAllocation("w2", 2, 0, 1)]),
            new("SKU-B", "Plate", 3, 7m, [new LineAllocation("w1", 1, 0, 1), new LineAllocation("w2", 2, 0, 1)]),
            new("SKU-C", "Bowl", 1, 6m, [new LineAllocation("w1", 1, 0, 1)]),
        ];
        var reserved = AnOrder.In(Reserved) with { Lines = lines };

        var result = OrderLifecycle.Decide(reserved, new IssuePickListsCommand(AnOrder.Staff, AnOrder.Later));

        Assert.Equal(Processing, result.State.Status);
        Assert.Collection(
            result.State.PickLists,
            p =>
            {
                Assert.Equal(($"{AnOrder.Id}-P1", "w1", PickListStatus.Open), (p.Id, p.WarehouseId, p.Status));
                Assert.Equal([("SKU-B", 1), ("SKU-C", 1)], p.Lines.Select(l => (l.Sku, l.Quantity)));
            },
            p =>
            {
                Assert.Equal(($"{AnOrder.Id}-P2", "w2", PickListStatus.Open), (p.Id, p.WarehouseId, p.Status));
                Assert.Equal([("SKU-A", 2), ("SKU-B", 2)], p.Lines.Select(l => (l.Sku, l.Quantity)));
            });
    }

    [Fact]
    public void Shipping_one_of_two_pick_lists_ships_the_order_partially_and_both_ship_it()
    {
        var processing = TwoPickListsPacked();

        var first = OrderLifecycle.Decide(processing, new ShipPickListCommand(AnOrder.PickListId(1), Label(1), AnOrder.Staff, AnOrder.Later));
        var second = OrderLifecycle.Decide(first.State, new ShipPickListCommand(AnOrder.PickListId(2), Label(2), AnOrder.Staff, AnOrder.Later));

        Assert.Equal(PartiallyShipped, first.State.Status);
        Assert.Equal(Shipped, second.State.Status);
        Assert.Equal([AnOrder.ShipmentId(1), AnOrder.ShipmentId(2)], second.State.Shipments.Select(s => s.ShipmentId));
        Assert.All(second.State.Shipments, s => Assert.Equal(ShipmentStatus.Shipped, s.Status));
        Assert.Equal([AnOrder.ShipmentId(1), AnOrder.ShipmentId(2)], second.State.PickLists.Select(p => p.ShipmentId));
        Assert.Equal<string>([AnOrder.PickListId(1), AnOrder.PickListId(2)], second.State.DispatchPending);
    }

    [Fact]
    public void Recording_a_dispatch_clears_it_without_telling_the_customer_again()
    {
        var shipped = OrderLifecycle.Decide(TwoPickListsPacked(), new ShipPickListCommand(AnOrder.PickListId(1), Label(1), AnOrder.Staff, AnOrder.Later)).State;

        var result = OrderLifecycle.Decide(shipped, new RecordDispatchCommand(AnOrder.PickListId(1), Actor.System, AnOrder.Later));

        Assert.Empty(result.State.DispatchPending);
        Assert.Empty(result.Events);
        Assert.Equal<TimelineEntry>(shipped.Timeline, result.State.Timeline);
    }

    [Fact]
    public void An_order_follows_its_least_advanced_shipment()
    {
        var shipped = ShipPickLists(TwoPickListsPacked(), 1, 2);

        var statuses = Follow(
            shipped,
            (1, ShipmentStatus.InTransit),
            (2, ShipmentStatus.InTransit),
            (1, ShipmentStatus.OutForDelivery),
            (2, ShipmentStatus.OutForDelivery),
            (1, ShipmentStatus.Delivered),
            (2, ShipmentStatus.Delivered));

        Assert.Equal([Shipped, InTransit, InTransit, OutForDelivery, OutForDelivery, Delivered], statuses.Select(s => s.Status));
        Assert.All(statuses.SkipLast(1), s => Assert.Null(s.DeliveredAt));
        Assert.Equal(AnOrder.Later.AddMinutes(6), statuses[^1].DeliveredAt);
    }

    [Fact]
    public void Any_shipment_exception_shows_on_the_order_until_that_shipment_moves_on()
    {
        var shipped = ShipPickLists(TwoPickListsPacked(), 1, 2);

        var statuses = Follow(
            shipped,
            (1, ShipmentStatus.Delivered),
            (2, ShipmentStatus.Exception),
            (2, ShipmentStatus.OutForDelivery),
            (2, ShipmentStatus.Delivered));

        Assert.Equal([Shipped, DeliveryException, OutForDelivery, Delivered], statuses.Select(s => s.Status));
    }

    [Fact]
    public void Shipment_news_while_partially_shipped_keeps_the_order_partially_shipped()
    {
        var partly = ShipPickLists(TwoPickListsPacked(), 1);

        var statuses = Follow(partly, (1, ShipmentStatus.Delivered));

        Assert.Equal(PartiallyShipped, Assert.Single(statuses).Status);
        Assert.Null(statuses[0].DeliveredAt);
    }

    [Fact]
    public void A_delivered_order_completes()
    {
        var delivered = Follow(ShipPickLists(TwoPickListsPacked(), 1, 2), (1, ShipmentStatus.Delivered), (2, ShipmentStatus.Delivered))[^1];

        var result = OrderLifecycle.Decide(delivered, new CompleteOrderCommand(Actor.System, AnOrder.Later.AddDays(14)));

        Assert.Equal(Completed, result.State.Status);
        Assert.Equal((Actor.System, "order.completed"), (result.Events[0].Actor, result.Events[0].Kind));
    }

    [Theory]
    [InlineData(Placed)]
    [InlineData(Reserved)]
    [InlineData(Backordered)]
    [InlineData(Processing)]
    public void Cancelling_before_anything_ships_asks_for_the_stock_to_be_released(OrderStatus status)
    {
        var state = AnOrder.In(status);

        var result = OrderLifecycle.Decide(state, new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later));

        Assert.Equal(Cancelled, result.State.Status);
        Assert.True(result.State.ReleasePending);
        Assert.False(result.State.ReservationPending);
        Assert.Empty(result.State.Holds);
    }

    [Fact]
    public void Cancelling_an_order_held_for_review_has_nothing_to_release()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(AwaitingReview), new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later));

        Assert.Equal(Cancelled, result.State.Status);
        Assert.False(result.State.ReleasePending);
    }

    [Fact]
    public void Cancelling_after_the_first_pick_list_ships_is_refused()
    {
        var partly = ShipPickLists(TwoPickListsPacked(), 1);

        var result = OrderLifecycle.Decide(partly, new CancelOrderCommand("too late", AnOrder.Customer, AnOrder.Later));

        Assert.Equal(RefusalKind.Conflict, result.Refusal?.Kind);
        Assert.Equal(NotCancellable, result.Refusal?.Code);
        Assert.Same(partly, result.State);
    }

    [Fact]
    public void Recording_the_release_forgets_the_allocations_once()
    {
        var cancelled = OrderLifecycle.Decide(AnOrder.In(Reserved), new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later)).State;

        var released = OrderLifecycle.Decide(cancelled, new RecordReleaseCommand(Actor.System, AnOrder.Later));
        var again = OrderLifecycle.Decide(released.State, new RecordReleaseCommand(Actor.System, AnOrder.Later));

        Assert.False(released.State.ReleasePending);
        Assert.All(released.State.Lines, l => Assert.Empty(l.Allocations));
        Assert.Equal("stock.released", Assert.Single(released.Events).Kind);
        Assert.Same(released.State, again.State);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void The_timeline_numbers_every_change_in_order_with_who_and_when()
    {
        var t = AnOrder.PlacedAt;
        var ops = AnOrder.Staff;
        var state = AnOrder.NotPlaced();
        OrderCommand[] commands =
        [
            AnOrder.Placing(),
            new RecordReservationCommand(AnOrder.FullyReserved(), Actor.System, t.AddSeconds(1)),
            new IssuePickListsCommand(ops, t.AddMinutes(1)),
            new MarkPickedCommand(AnOrder.PickListId(1), ops, t.AddMinutes(2)),
            new MarkPackedCommand(AnOrder.PickListId(1), ops, t.AddMinutes(3)),
            new ShipPickListCommand(AnOrder.PickListId(1), Label(1), ops, t.AddMinutes(4)),
        ];

        var producedBy = new List<(TimelineEntry Entry, OrderCommand Command)>();
        foreach (var command in commands)
        {
            var result = OrderLifecycle.Decide(state, command);
            Assert.Null(result.Refusal);
            producedBy.AddRange(result.Events.Select(e => (e, command)));
            state = result.State;
        }

        Assert.Equal(Enumerable.Range(1, state.Timeline.Length).Select(i => (long)i), state.Timeline.Select(e => e.Sequence));
        Assert.Equal<TimelineEntry>(producedBy.Select(p => p.Entry), state.Timeline);
        Assert.All(producedBy, p => Assert.Equal((p.Command.By, p.Command.At), (p.Entry.Actor, p.Entry.At)));
        Assert.Equal([AnOrder.Customer, Actor.System, ops], state.Timeline.Select(e => e.Actor).Distinct());
        Assert.Equal(state.Timeline.Length, state.Version);
        Assert.Equal(commands[^1].At, state.UpdatedAt);
    }

    private static OrderCommand CommandFor(LifecycleMove move, OrderState state)
    {
        var at = AnOrder.Later;
        string PickList(PickListStatus status) => state.PickLists.FirstOrDefault(p => p.Status == status)?.Id ?? AnOrder.PickListId(1);
        return move switch
        {
            Place => AnOrder.Placing(),
            Approve => new ApproveOrderCommand(AnOrder.Staff, at),
            Reject => new RejectOrderCommand("suspected fraud", AnOrder.Staff, at),
            Cancel => new CancelOrderCommand("changed my mind", AnOrder.Customer, at),
            RecordReservation => new RecordReservationCommand(AnOrder.FullyReserved(), Actor.System, at),
            AllocateStock => new AllocateStockCommand(new Allocation("w1", "SKU-A", AnOrder.Id, 1, 0, 99), Actor.System, at),
            RecordRelease => new RecordReleaseCommand(Actor.System, at),
            IssuePickLists => new IssuePickListsCommand(AnOrder.Staff, at),
            MarkPicked => new MarkPickedCommand(PickList(PickListStatus.Open), AnOrder.Staff, at),
            MarkPacked => new MarkPackedCommand(PickList(PickListStatus.Picked), AnOrder.Staff, at),
            LifecycleMove.Ship => new ShipPickListCommand(PickList(PickListStatus.Packed), Label(9), AnOrder.Staff, at),
            RecordDispatch => new RecordDispatchCommand(AnOrder.PickListId(1), Actor.System, at),
            FollowShipment => new FollowShipmentCommand(
                state.Shipments.FirstOrDefault()?.ShipmentId ?? "SH-NONE-0000",
                new TrackingEvent(ShipmentStatus.Delivered, "London", at, at, AnOrder.Carrier), AnOrder.Carrier, at),
            Complete => new CompleteOrderCommand(Actor.System, at),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
        };
    }

    private static TheoryData<T1, T2> Rows<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (a, b) in rows)
        {
            data.Add(a, b);
        }

        return data;
    }

    private static TheoryData<T1, T2, T3> Rows<T1, T2, T3>(IEnumerable<(T1, T2, T3)> rows)
    {
        var data = new TheoryData<T1, T2, T3>();
        foreach (var (a, b, c) in rows)
        {
            data.Add(a, b, c);
        }

        return data;
    }

    private static TheoryData<T1, T2, T3, T4> Rows<T1, T2, T3, T4>(IEnumerable<(T1, T2, T3, T4)> rows)
    {
        var data = new TheoryData<T1, T2, T3, T4>();
        foreach (var (a, b, c, d) in rows)
        {
            data.Add(a, b, c, d);
        }

        return data;
    }

    private static ShippingLabel Label(int number) => new(AnOrder.ShipmentId(number), "DHL", $"DH00000000{number}GB");

    /// <summary>A reserved order with two lines in two warehouses, both pick lists packed.</summary>
    private static OrderState TwoPickListsPacked()
    {
        var lines = AnOrder.Lines[..2].Select(l => l with { Allocations = [new LineAllocation(AnOrder.WarehouseOf(l.Sku), 1, 0, 1)] });
        var state = AnOrder.In(Reserved) with { Lines = [.. lines] };
        state = OrderLifecycle.Decide(state, new IssuePickListsCommand(AnOrder.Staff, AnOrder.Later)).State;
        foreach (var id in state.PickLists.Select(p => p.Id).ToArray())
        {
            state = OrderLifecycle.Decide(state, new MarkPickedCommand(id, AnOrder.Staff, AnOrder.Later)).State;
            state = OrderLifecycle.Decide(state, new MarkPackedCommand(id, AnOrder.Staff, AnOrder.Later)).State;
        }

        Assert.All(state.PickLists, p => Assert.Equal(PickListStatus.Packed, p.Status));
        return state;
    }

    private static OrderState ShipPickLists(OrderState state, params int[] pickLists)
    {
        foreach (var number in pickLists)
        {
            var result = OrderLifecycle.Decide(state, new ShipPickListCommand(AnOrder.PickListId(number), Label(number), AnOrder.Staff, AnOrder.Later));
            Assert.Null(result.Refusal);
            state = result.State;
        }

        return state;
    }

    /// <summary>Applies carrier news one event a minute and answers the order after each.</summary>
    private static List<OrderState> Follow(OrderState state, params (int Shipment, ShipmentStatus Status)[] news)
    {
        var states = new List<OrderState>();
        foreach (var (item, minute) in news.Select((n, i) => (n, i + 1)))
        {
            var at = AnOrder.Later.AddMinutes(minute);
            var result = OrderLifecycle.Decide(state, new FollowShipmentCommand(
                AnOrder.ShipmentId(item.Shipment), new TrackingEvent(item.Status, "Leeds", at, at, AnOrder.Carrier), AnOrder.Carrier, at));
            Assert.Null(result.Refusal);
            state = result.State;
            states.Add(state);
        }

        return states;
    }
}