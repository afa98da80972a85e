using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;

using static OrderGrid.Orders.OrderStatus;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class OrderLifecycleTests
{
    private const string NotCancellable = "order.not-cancellable";

    private static OrderStatus[] Statuses => Enum.GetValues<OrderStatus>();

    /// <summary>Every (status, move) the table makes legal, once, with the statuses it may lead to.</summary>
    private static IEnumerable<(OrderStatus? From, OrderMove Move, OrderStatus[] To)> LegalCells =>
        OrderTransitions.Legal.Where(t => t.Move != OrderMove.RequestReturn)
            .GroupBy(t => (t.From, t.Move))
            .Select(g => (g.Key.From, g.Key.Move, g.Select(t => t.To).ToArray()));

    /// <summary>Every status and decided move the table does not make legal, ignore or acknowledge: refused, with the table's reason or as illegal.</summary>
    private static IEnumerable<(OrderStatus Status, OrderMove Move, RefusalKind Kind, string Code)> RefusedCells =>
        from s in Statuses
        from m in Moves.Decided
        where !OrderTransitions.Legal.Any(t => t.From == s && t.Move == m)
            && !OrderTransitions.Ignored.Contains((s, m))
            && !OrderTransitions.Acknowledged.Contains((s, m))
        let reason = OrderTransitions.Refused.FirstOrDefault(r => r.Status == s && r.Move == m)
        select (s, m, reason?.Kind ?? RefusalKind.Conflict, reason?.Code ?? "order.illegal-transition");

    public static TheoryData<OrderStatus?, OrderMove, OrderStatus[]> Legal => Rows(LegalCells);

    public static TheoryData<OrderStatus, OrderMove> Ignored => Rows(OrderTransitions.Ignored);

    public static TheoryData<OrderStatus, OrderMove> Acknowledged => Rows(OrderTransitions.Acknowledged);

    public static TheoryData<OrderStatus, OrderMove, RefusalKind, string> Refused => Rows(RefusedCells);

    public static TheoryData<OrderMove> EveryMoveButPlace => new(Moves.Decided.Except([OrderMove.Place]));

    public static TheoryData<OrderStatus, OrderMove> PickListMovesWhileFulfilling => Rows(
        from s in new[] { Processing, PartiallyShipped } from m in new[] { OrderMove.Picked, OrderMove.Packed, OrderMove.Ship } select (s, m));

    [Fact]
    public void The_table_says_one_thing_of_each_status_and_move()
    {
        var legal = OrderTransitions.Legal.Where(t => t.From is not null).Select(t => (t.From!.Value, t.Move)).Distinct().ToArray();
        var refused = OrderTransitions.Refused.Select(r => (r.Status, r.Move)).ToArray();
        (OrderStatus, OrderMove)[] named = [.. legal, .. OrderTransitions.Ignored, .. OrderTransitions.Acknowledged, .. refused];

        Assert.Equal(named.Length, named.Distinct().Count());
        Assert.Equal(OrderTransitions.Legal.Length, OrderTransitions.Legal.Distinct().Count());
        Assert.All(OrderTransitions.Legal, t => Assert.Equal(t.From is null, t.Move == OrderMove.Place));
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public void A_legal_move_is_carried_out_and_ends_in_a_status_the_table_lists(OrderStatus? from, OrderMove move, OrderStatus[] to)
    {
        var state = Moves.Ready(from, move);
        var command = Moves.Command(move, state);

        var result = OrderLifecycle.Decide(state, command);

        Assert.True(result.Accepted, result.Refusal?.Message);
        Assert.Contains(result.State.Status, to);
        Assert.Equal(Enumerable.Range(1, result.Events.Length).Select(i => state.Version + i), result.Events.Select(e => e.Sequence));
        Assert.All(result.Events, e => Assert.Equal(command.At, e.At));
        Assert.Equal<TimelineEntry>(state.Timeline.AddRange(result.Events), result.State.Timeline);
        if (!result.Events.IsEmpty)
        {
            Assert.Equal(result.State.Status, result.Events[^1].Status);
        }
    }

    [Theory]
    [MemberData(nameof(Ignored))]
    public void News_that_does_not_concern_the_order_is_accepted_and_changes_nothing(OrderStatus status, OrderMove move)
    {
        var state = Moves.Representative(status, move);

        var result = OrderLifecycle.Decide(state, Moves.Command(move, state));

        Assert.Null(result.Refusal);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Theory]
    [MemberData(nameof(Acknowledged))]
    public void A_step_answer_is_accepted_in_any_status_and_keeps_it(OrderStatus status, OrderMove move)
    {
        var state = Moves.Representative(status, move);

        var result = OrderLifecycle.Decide(state, Moves.Command(move, state));

        Assert.Null(result.Refusal);
        Assert.Equal(status, result.State.Status);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_illegal_move_is_refused_with_the_table_s_reason_and_changes_nothing(OrderStatus status, OrderMove move, RefusalKind kind, string code)
    {
        var state = Moves.Representative(status, move);

        var result = OrderLifecycle.Decide(state, Moves.Command(move, state));

        Assert.NotNull(result.Refusal);
        Assert.Equal((kind, code), (result.Refusal.Kind, result.Refusal.Code));
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
        Assert.DoesNotContain("{", result.Refusal.Message, StringComparison.Ordinal);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_decision_the_table_does_not_list_is_refused()
    {
        var delivered = AnOrder.In(Delivered);
        var at = AnOrder.Later;

        // Shipments take no event after delivery, so the table keeps a delivered order delivered; news saying otherwise is refused.
        var result = OrderLifecycle.Decide(delivered, new FollowShipmentCommand(
            AnOrder.ShipmentId(1), new TrackingEvent(ShipmentStatus.InTransit, "Leeds", at, at, AnOrder.Carrier), AnOrder.Carrier, at));

        Assert.Equal("order.illegal-transition", result.Refusal?.Code);
        Assert.Same(delivered, result.State);
    }

    [Theory]
    [MemberData(nameof(EveryMoveButPlace))]
    public void An_order_that_was_never_placed_is_not_found(OrderMove move)
    {
        var state = AnOrder.NotPlaced();

        var result = OrderLifecycle.Decide(state, Moves.Command(move, state));

        Assert.Equal(RefusalKind.NotFound, result.Refusal?.Kind);
        Assert.Equal("order.not-found", result.Refusal?.Code);
        Assert.Same(state, result.State);
        Assert.Empty(result.Events);
    }

    [Theory]
    [MemberData(nameof(PickListMovesWhileFulfilling))]
    public void Moving_an_unknown_pick_list_is_not_found(OrderStatus status, OrderMove move)
    {
        var state = AnOrder.In(status);
        OrderCommand command = move switch
        {
            OrderMove.Picked => new MarkPickedCommand("OG-OTHER-0001-P1", AnOrder.Staff, AnOrder.Later),
            OrderMove.Packed => new MarkPackedCommand("OG-OTHER-0001-P1", AnOrder.Staff, AnOrder.Later),
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
        Assert.Contains(new ReserveStock(), result.State.Steps);
        Assert.Empty(result.State.Holds);
        var entry = Assert.Single(result.Events);
        Assert.Equal((1L, "order.placed", AnOrder.Customer, AnOrder.PlacedAt), (entry.Sequence, entry.Kind, entry.Actor, entry.At));
        Assert.Equal(AnOrder.PlacedAt, result.State.PlacedAt);
        Assert.Equal(40m, result.State.Total);
    }

    [Fact]
    public void The_placed_entry_names_the_total_in_the_catalog_currency_and_the_order_keeps_it()
    {
        var result = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing() with { Currency = "GBP" });

        Assert.Equal("GBP", result.State.Currency);
        Assert.Contains("total £40.00", Assert.Single(result.Events).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Placing_an_order_above_the_review_threshold_holds_it_for_review_without_reserving()
    {
        var result = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing(default, "order value 6,000.00 is above 5,000.00"));

        Assert.Equal(AwaitingReview, result.State.Status);
        Assert.DoesNotContain(new ReserveStock(), result.State.Steps);
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
        Assert.Contains(new ReserveStock(), approved.Steps);
        Assert.Equal(AnOrder.Staff, approved.Timeline[^1].Actor);
    }

    [Fact]
    public void Rejecting_a_held_order_cancels_it_without_releasing_stock_it_never_had()
    {
        var held = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing(default, "too valuable")).State;

        var rejected = OrderLifecycle.Decide(held, new RejectOrderCommand("suspected fraud", AnOrder.Staff, AnOrder.Later)).State;

        Assert.Equal(Cancelled, rejected.Status);
        Assert.Empty(rejected.Holds);
        Assert.DoesNotContain(new ReleaseStock(), rejected.Steps);
        Assert.Contains("suspected fraud", rejected.Timeline[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_a_full_reservation_reserves_the_order()
    {
        var placed = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing()).State;

        var result = OrderLifecycle.Decide(placed, new StepDoneCommand(new ReserveStock(), AnOrder.FullyReserved(), Actor.System, AnOrder.Later));

        Assert.Equal(Reserved, result.State.Status);
        Assert.DoesNotContain(new ReserveStock(), result.State.Steps);
        Assert.Empty(result.State.Holds);
        Assert.All(result.State.Lines, l => Assert.Equal((1, 0), (l.Reserved, l.Backordered)));
        Assert.Equal(["w1", "w2", "w3", "w4"], result.State.Lines.Select(l => Assert.Single(l.Allocations).WarehouseId));
    }

    [Fact]
    public void Recording_a_partial_reservation_backorders_the_order_and_tells_the_customer_it_waits_for_stock()
    {
        var placed = OrderLifecycle.Decide(AnOrder.NotPlaced(), AnOrder.Placing()).State;
        var allocations = AnOrder.FullyReserved().SetItem(0, new Allocation("w1", "SKU-A", AnOrder.Id, 0, 1, 1));

        var result = OrderLifecycle.Decide(placed, new StepDoneCommand(new ReserveStock(), allocations, Actor.System, AnOrder.Later));

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
        Assert.Equal<OrderStep>([.. new[] { AnOrder.PickListId(1), AnOrder.PickListId(2) }.Select(p => new DispatchPickList(p))], second.State.Steps);
    }

    [Fact]
    public void Recording_a_dispatch_clears_it_without_telling_the_customer_again()
    {
        var shipped = OrderLifecycle.Decide(TwoPickListsPacked(), new ShipPickListCommand(AnOrder.PickListId(1), Label(1), AnOrder.Staff, AnOrder.Later)).State;

        var result = OrderLifecycle.Decide(shipped, new StepDoneCommand(new DispatchPickList(AnOrder.PickListId(1)), Actor.System, AnOrder.Later));

        Assert.DoesNotContain(result.State.Steps, s => s is DispatchPickList);
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
        Assert.Contains(new ReleaseStock(), result.State.Steps);
        Assert.DoesNotContain(new ReserveStock(), result.State.Steps);
        Assert.Empty(result.State.Holds);
    }

    [Fact]
    public void Cancelling_an_order_held_for_review_has_nothing_to_release()
    {
        var result = OrderLifecycle.Decide(AnOrder.In(AwaitingReview), new CancelOrderCommand("changed my mind", AnOrder.Customer, AnOrder.Later));

        Assert.Equal(Cancelled, result.State.Status);
        Assert.DoesNotContain(new ReleaseStock(), result.State.Steps);
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

        var released = OrderLifecycle.Decide(cancelled, new StepDoneCommand(new ReleaseStock(), Actor.System, AnOrder.Later));
        var again = OrderLifecycle.Decide(released.State, new StepDoneCommand(new ReleaseStock(), Actor.System, AnOrder.Later));

        Assert.DoesNotContain(new ReleaseStock(), released.State.Steps);
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
            new StepDoneCommand(new ReserveStock(), AnOrder.FullyReserved(), Actor.System, t.AddSeconds(1)),
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