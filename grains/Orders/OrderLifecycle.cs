using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;
using OrderGrid.Shipping;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

/// <summary>
/// Every rule of the order lifecycle, as a pure function: (state, command) → (new state, events) or a refusal.
/// No I/O and no Orleans: the order grain performs the calls this decides on and records their answers here.
/// </summary>
public static partial class OrderLifecycle
{
    /// <summary>
    /// Decides <paramref name="command"/>: first whether it may go ahead (<see cref="Check"/>: the transition table and
    /// the named conditions), then what it does. A decision ending in a status the table does not list is refused.
    /// </summary>
    public static LifecycleResult Decide(OrderState state, OrderCommand command)
    {
        if (Check(state, command) is { } stopped)
        {
            return stopped;
        }

        var result = command switch
        {
            PlaceOrderCommand c => Place(state, c),
            ApproveOrderCommand c => Approve(state, c),
            RejectOrderCommand c => Reject(state, c),
            CancelOrderCommand c => Cancel(state, c),
            StepDoneCommand c => StepDone(state, c),
            AllocateStockCommand c => AllocateStock(state, c),
            IssuePickListsCommand c when !state.PickLists.IsEmpty => IssueRemainder(state, c),
            IssuePickListsCommand c => SplitAcrossWarehouses(IssuePickLists(state, c), c),
            MarkPickedCommand c => MovePickList(state, c.PickListId, PickListStatus.Picked, c),
            MarkPackedCommand c => MovePickList(state, c.PickListId, PickListStatus.Packed, c),
            ShipPickListCommand c => Ship(state, c),
            FollowShipmentCommand c => FollowShipment(state, c),
            CompleteOrderCommand c => Complete(state, c),
            ModifyOrderCommand c => Modify(state, c),
            MarkReadyForPickupCommand c => MarkReadyForPickup(state, c),
            MarkCollectedCommand c => MarkCollected(state, c),
            RecordAfterSalesCommand c => RecordAfterSales(state, c),
            RecordExpectedDayCommand c => RecordExpectedDay(state, c),
            SplitOrderCommand c => Split(state, c),
            WaitForStockCommand c => WaitForStock(state, c),
            DropMissingLinesCommand c => DropMissingLines(state, c),
            MergeOrderCommand c => Merge(state, c),
            ShipMergedCommand c => ShipMerged(state, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown order command."),
        };
        return WithinTable(state, command, result);
    }

    /// <summary>
    /// State stored before the step list (six separate fields) with those fields moved into <see cref="OrderState.Steps"/>,
    /// in the order the grain used to run them; state without them is answered as it is.
    /// </summary>
    public static OrderState Upgrade(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.LegacyReservationPending && !state.LegacyReleasePending && !state.LegacyAdjustmentPending
            && state.LegacyDispatchPending.IsDefaultOrEmpty && state.LegacyCollectionPending.IsDefaultOrEmpty && state.LegacyStockToReturn.IsDefaultOrEmpty)
        {
            return state;
        }

        var steps = state.Steps.IsDefault ? [] : state.Steps;
        steps = state.LegacyReservationPending ? steps.With(new ReserveStock()) : steps;
        steps = state.LegacyReleasePending ? steps.With(new ReleaseStock()) : steps;
        foreach (var pickList in state.LegacyDispatchPending.IsDefault ? [] : state.LegacyDispatchPending)
        {
            steps = steps.With(new DispatchPickList(pickList));
        }

        foreach (var pickList in state.LegacyCollectionPending.IsDefault ? [] : state.LegacyCollectionPending)
        {
            steps = steps.With(new DispatchCollected(pickList));
        }

        steps = steps.Returning(state.LegacyStockToReturn.IsDefault ? [] : state.LegacyStockToReturn);
        steps = state.LegacyAdjustmentPending ? steps.With(new AdjustReservation()) : steps;
        return state with
        {
            Steps = steps,
            LegacyReservationPending = false,
            LegacyReleasePending = false,
            LegacyDispatchPending = [],
            LegacyCollectionPending = [],
            LegacyStockToReturn = [],
            LegacyAdjustmentPending = false,
        };
    }

    /// <summary>The grain carried out a step: it leaves the list and its answer is recorded.</summary>
    private static LifecycleResult StepDone(OrderState state, StepDoneCommand c) => c.Step switch
    {
        ReserveStock => RecordReservation(state, c),
        ReleaseStock => RecordRelease(state, c),
        DispatchPickList d => RecordDispatch(state, d, c),
        DispatchCollected d => RecordCollectionDispatch(state, d),
        ReturnStock r => RecordStockReturned(state, r),
        AdjustReservation => RecordAdjustment(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Step.GetType().Name, "Unknown order step."),
    };

    private static LifecycleResult Place(OrderState state, PlaceOrderCommand c)
    {
        var placed = state with
        {
            Id = c.OrderId,
            Channel = c.Request.Channel,
            CustomerId = c.Request.CustomerId,
            Email = c.Request.Email,
            Phone = c.Request.Phone,
            ShipTo = c.Request.ShipTo,
            Lines = c.Lines,
            TrackingToken = c.TrackingToken,
            RequestFingerprint = c.Fingerprint,
            PlacedAt = c.At,
            EnteredBy = c.By.Kind == ActorKind.Staff ? c.By : null,
            Fulfilment = c.Request.Fulfilment ?? Fulfilment.Delivery,
            Currency = c.Currency,
        };
        var total = MoneyText.Format(placed.Total, placed.Currency);
        var events = new Changes(placed, c);
        events.Add(
            OrderStatus.Placed,
            EventKinds.OrderPlaced,
            $"Order placed through {c.Request.Channel.ToString().ToLowerInvariant()}: {Counted.Of(c.Lines.Length, "line", "lines")}, total {total}{PickupNote(placed)}.",
            forCustomer: $"Order placed: {Counted.Items(c.Lines.Sum(l => l.Quantity))}{(placed.Fulfilment.IsPickup ? ", to collect in store" : "")}.");

        RuleDecision? hold = null;
        foreach (var decision in c.Decisions)
        {
            if (decision.Action.Kind == RuleActionKind.Hold)
            {
                hold = decision;
            }
            else
            {
                ApplyRule(events, decision);
            }
        }

        if (hold is not null)
        {
            events.State = events.State with { Holds = [new OrderHold(HoldKind.Review, hold.Action.Reason!, c.At)] };
            events.Add(OrderStatus.AwaitingReview, EventKinds.OrderHeldForReview, $"Held for review by rule '{hold.RuleName}': {hold.Action.Reason}.", Actor.Rule(hold.RuleName));
        }
        else
        {
            events.State = events.State with { Steps = events.State.Steps.With(new ReserveStock()) };
        }

        return events.Result();
    }

    /// <summary>Records a rule's decision other than a hold on the order being placed, with a timeline entry naming the rule.</summary>
    private static void ApplyRule(Changes events, RuleDecision decision)
    {
        var (a, rule) = (decision.Action, $"rule '{decision.RuleName}'");
        var state = events.State;
        (events.State, var description) = a.Kind switch
        {
            RuleActionKind.AutoApprove => (state, $"Approved without review by {rule}."),
            RuleActionKind.Priority => (state with { Priority = a.Level!.Value }, $"Priority {a.Level.Value.ToString().ToLowerInvariant()} set by {rule}."),
            RuleActionKind.PreferWarehouse => (state with { PreferredWarehouse = a.WarehouseId }, $"Warehouse {a.WarehouseId} preferred by {rule}."),
            RuleActionKind.ExcludeWarehouse => (state with { ExcludedWarehouses = state.ExcludedWarehouses.Add(a.WarehouseId!) }, $"Warehouse {a.WarehouseId} excluded by {rule}."),
            RuleActionKind.RequireSignature => (state with { SignatureRequired = true }, $"Signature on delivery required by {rule}."),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), a.Kind, "Not a rule action applied at placement."),
        };
        events.Add(OrderStatus.Placed, a.Kind == RuleActionKind.AutoApprove ? EventKinds.OrderAutoApproved : EventKinds.OrderRuleApplied, description, Actor.Rule(decision.RuleName));
    }

    private static LifecycleResult Approve(OrderState state, ApproveOrderCommand c)
    {
        var changes = new Changes(state with { Holds = WithoutHold(state.Holds, HoldKind.Review), Steps = state.Steps.With(new ReserveStock()) }, c);
        changes.Add(OrderStatus.Placed, EventKinds.OrderApproved, "Approved after review.");
        return changes.Result();
    }

    private static LifecycleResult Reject(OrderState state, RejectOrderCommand c)
    {
        var changes = new Changes(state with { Holds = [] }, c);
        changes.Add(OrderStatus.Cancelled, EventKinds.OrderRejected, $"Rejected after review: {c.Reason}.");
        return changes.Result();
    }

    private static LifecycleResult Cancel(OrderState state, CancelOrderCommand c)
    {
        // Release everywhere the order might hold stock, even when the order has no answer recorded yet:
        // a reservation interrupted by a crash may have reached a stock grain without being recorded here.
        var mustRelease = state.Status != OrderStatus.AwaitingReview;
        var changes = new Changes(state with { Holds = [], Steps = mustRelease ? state.Steps.Without<ReserveStock>().With(new ReleaseStock()) : state.Steps.Without<ReserveStock>() }, c);
        changes.Add(OrderStatus.Cancelled, EventKinds.OrderCancelled, $"Cancelled: {c.Reason}.", forCustomer: c.By.Kind == ActorKind.Customer ? $"You cancelled the order: {c.Reason}." : null);
        return changes.Result();
    }

    private static LifecycleResult RecordReservation(OrderState state, StepDoneCommand c)
    {
        var lines = state.Lines.Select(line => line with
        {
            Allocations = [.. c.Allocations
                .Where(a => a.Sku == line.Sku && (a.Reserved > 0 || a.Backordered > 0))
                .Select(a => new LineAllocation(a.WarehouseId, a.Reserved, a.Backordered, a.Version))],
        }).ToImmutableArray();

        var changes = new Changes(state with { Lines = lines, Steps = state.Steps.Without<ReserveStock>() }, c);
        var warehouses = string.Join(", ", lines.SelectMany(l => l.Allocations).Where(a => a.Reserved > 0).Select(a => a.WarehouseId).Distinct());
        if (lines.All(l => l.IsFullyReserved))
        {
            changes.Add(OrderStatus.Reserved, EventKinds.OrderReserved, $"All items reserved ({warehouses}).", forCustomer: "All your items are reserved.");
        }
        else
        {
            var waiting = lines.Count(l => !l.IsFullyReserved);
            var missing = Counted.Items(UnitsMissing(changes.State));
            changes.State = changes.State with { Holds = changes.State.Holds.Add(new OrderHold(HoldKind.OutOfStock, $"{Counted.Of(waiting, "line", "lines")} waiting for stock", c.At)) };
            changes.Add(
                OrderStatus.Backordered,
                EventKinds.OrderBackordered,
                $"Delayed: {Counted.Of(waiting, "line", "lines")} ({missing}) waiting for stock.",
                forCustomer: $"Delayed: we are waiting for stock of {missing}. We will send everything as soon as it arrives, unless you choose otherwise on your tracking page.");
        }

        return changes.Result();
    }

    private static LifecycleResult AllocateStock(OrderState state, AllocateStockCommand c)
    {
        var a = c.Allocation;
        var index = state.Lines.IndexOf(state.Lines.FirstOrDefault(l => l.Sku == a.Sku)!);
        if (index < 0)
        {
            return Unchanged(state);
        }

        var line = state.Lines[index];
        var known = line.Allocations.FirstOrDefault(x => x.WarehouseId == a.WarehouseId);
        var sameNumbers = known is null ? a.Reserved == 0 && a.Backordered == 0 : known.Reserved == a.Reserved && known.Backordered == a.Backordered;
        if ((known is not null && known.Version >= a.Version) || sameNumbers)
        {
            return Unchanged(state);
        }

        var allocation = new LineAllocation(a.WarehouseId, a.Reserved, a.Backordered, a.Version);
        var updated = line with
        {
            Allocations = known is null ? line.Allocations.Add(allocation) : line.Allocations.Replace(known, allocation),
        };
        var changes = new Changes(state with { Lines = state.Lines.SetItem(index, updated) }, c);
        if (state.Status == OrderStatus.Backordered && changes.State.Lines.All(l => l.IsFullyReserved))
        {
            changes.State = changes.State with { Holds = WithoutHold(state.Holds, HoldKind.OutOfStock) };
            changes.Add(OrderStatus.Reserved, EventKinds.OrderReserved, "Stock arrived: all items are now reserved.");
        }
        else if (AwaitsRemainder(state))
        {
            RemainderAllocated(changes);
        }
        else
        {
            changes.Add(
                state.Status,
                EventKinds.OrderStockAllocated,
                $"{updated.Reserved} of {updated.Quantity} × {updated.Name} now reserved in {a.WarehouseId}.",
                forCustomer: $"Stock arrived: {updated.Reserved} of {updated.Quantity} × {updated.Name} now reserved for you.");
        }

        return changes.Result();
    }

    private static LifecycleResult RecordRelease(OrderState state, StepDoneCommand c)
    {
        if (!state.Steps.Has<ReleaseStock>())
        {
            return Unchanged(state);
        }

        var lines = state.Lines.Select(l => l with { Allocations = [] }).ToImmutableArray();
        var changes = new Changes(state with { Lines = lines, Steps = state.Steps.Without<ReleaseStock>() }, c);
        changes.Add(state.Status, EventKinds.StockReleased, "Reserved stock released.", forCustomer: "The items held for you were released.");
        return changes.Result();
    }

    private static LifecycleResult IssuePickLists(OrderState state, IssuePickListsCommand c)
    {
        var byWarehouse = state.Lines
            .SelectMany(l => l.Allocations.Where(a => a.Reserved > 0).Select(a => (a.WarehouseId, Line: new PickListLine(l.Sku, l.Name, a.Reserved, null))))
            .GroupBy(x => x.WarehouseId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new PickList($"{state.Id}-P{i + 1}", state.Id, g.Key, [.. g.Select(x => x.Line)], PickListStatus.Open, null))
            .ToImmutableArray();

        var changes = new Changes(state with { PickLists = byWarehouse }, c);
        changes.Add(
            OrderStatus.Processing,
            EventKinds.OrderProcessing,
            $"Being prepared: {Counted.Of(byWarehouse.Length, "pick list", "pick lists")} issued ({string.Join(", ", byWarehouse.Select(p => p.WarehouseId))}).",
            forCustomer: "Your order is being prepared.");
        return changes.Result();
    }

    /// <summary>Moves a pick list on (the guards checked it exists and is in the status before <paramref name="to"/>).</summary>
    private static LifecycleResult MovePickList(OrderState state, string pickListId, PickListStatus to, OrderCommand c)
    {
        var pickList = state.PickLists.First(p => p.Id == pickListId);
        var changes = new Changes(state with { PickLists = state.PickLists.Replace(pickList, pickList with { Status = to }) }, c);
        changes.Add(
            state.Status,
            EventKinds.PickList(to),
            $"Pick list {pickListId} ({pickList.WarehouseId}) {to.ToString().ToLowerInvariant()}.",
            forCustomer: PickListNews(state, to));
        return changes.Result();
    }

    private static LifecycleResult Ship(OrderState state, ShipPickListCommand c)
    {
        var moved = MovePickList(state, c.PickListId, PickListStatus.Shipped, c);
        var pickList = moved.State.PickLists.First(p => p.Id == c.PickListId);
        var shipped = moved.State with
        {
            PickLists = moved.State.PickLists.Replace(pickList, pickList with { ShipmentId = c.Label.ShipmentId }),
            Shipments = moved.State.Shipments.Add(new ShipmentLink(c.Label.ShipmentId, c.PickListId, c.Label.Carrier, c.Label.TrackingNumber, ShipmentStatus.Shipped)),
            Steps = moved.State.Steps.With(new DispatchPickList(c.PickListId)),
        };
        var all = shipped.PickLists.All(p => p.Status == PickListStatus.Shipped) && UnitsWaiting(shipped) == 0;
        var changes = new Changes(shipped, c, moved.Events);
        changes.Add(
            all ? OrderStatus.Shipped : OrderStatus.PartiallyShipped,
            all ? EventKinds.OrderShipped : EventKinds.OrderPartiallyShipped,
            $"Shipped from {pickList.WarehouseId} with {c.Label.Carrier}, tracking number {c.Label.TrackingNumber}.",
            forCustomer: $"{(all ? "Shipped" : "Part of your order shipped")} with {c.Label.Carrier}, tracking number {c.Label.TrackingNumber}.");
        return changes.Result();
    }

    private static LifecycleResult RecordDispatch(OrderState state, DispatchPickList step, StepDoneCommand c) =>
        state.Steps.Contains(step)
            ? new LifecycleResult(WithRemaining(state, c.Allocations) with { Steps = state.Steps.Remove(step) }, [], null)
            : Unchanged(state);

    private static LifecycleResult FollowShipment(OrderState state, FollowShipmentCommand c)
    {
        var link = state.Shipments.First(s => s.ShipmentId == c.ShipmentId);
        var shipments = state.Shipments.Replace(link, link with { Status = c.Event.Status, EventsFollowed = Math.Max(link.EventsFollowed, c.EventNumber) });
        var status = StatusFromShipments(state.PickLists, shipments, UnitsWaiting(state) > 0);
        var changes = new Changes(state with
        {
            Shipments = shipments,
            DeliveredAt = status == OrderStatus.Delivered ? c.Event.OccurredAt : null,
        }, c);
        var where = c.Event.Location is { Length: > 0 } location ? $" ({location})" : "";
        var why = c.Event.Reason is { Length: > 0 } reason ? $": {reason}" : "";
        changes.Add(status, EventKinds.Shipment(c.Event.Status), $"{Describe(c.Event.Status)}{where}{why} — {link.Carrier} {link.TrackingNumber}.");
        return changes.Result();
    }

    private static LifecycleResult Complete(OrderState state, CompleteOrderCommand c)
    {
        var changes = new Changes(state, c);
        changes.Add(OrderStatus.Completed, EventKinds.OrderCompleted, "Order completed.");
        return changes.Result();
    }

    /// <summary>
    /// An order follows its shipments: the least advanced one decides, and any exception shows. Units on no pick
    /// list yet (the rest of a split order) count as a shipment still to come.
    /// </summary>
    private static OrderStatus StatusFromShipments(ImmutableArray<PickList> pickLists, ImmutableArray<ShipmentLink> shipments, bool unitsWait)
    {
        if (unitsWait || pickLists.Any(p => p.Status != PickListStatus.Shipped))
        {
            return OrderStatus.PartiallyShipped;
        }

        if (shipments.Any(s => s.Status == ShipmentStatus.Exception))
        {
            return OrderStatus.DeliveryException;
        }

        return shipments.Min(s => s.Status) switch
        {
            ShipmentStatus.Shipped => OrderStatus.Shipped,
            ShipmentStatus.InTransit => OrderStatus.InTransit,
            ShipmentStatus.OutForDelivery => OrderStatus.OutForDelivery,
            _ => OrderStatus.Delivered,
        };
    }

    private static string Describe(ShipmentStatus status) => status switch
    {
        ShipmentStatus.InTransit => "In transit",
        ShipmentStatus.OutForDelivery => "Out for delivery",
        ShipmentStatus.Delivered => "Delivered",
        ShipmentStatus.Exception => "Delivery problem reported by the carrier",
        _ => "Shipped",
    };


    private static ImmutableArray<OrderHold> WithoutHold(ImmutableArray<OrderHold> holds, HoldKind kind) =>
        holds.RemoveAll(h => h.Kind == kind);

    /// <summary>A pick list's step in the customer's words: their parcel, never the pick list or its warehouse.</summary>
    private static string? PickListNews(OrderState state, PickListStatus to)
    {
        var several = state.PickLists.Length > 1;
        return to switch
        {
            PickListStatus.Picked => several ? "The items of one of your parcels have been picked." : "Your items have been picked.",
            PickListStatus.Packed => several ? "One of your parcels is packed." : "Your parcel is packed.",
            PickListStatus.Shipped => several ? "One of your parcels has left the warehouse." : "Your parcel has left the warehouse.",
            _ => null,
        };
    }

    private static LifecycleResult Unchanged(OrderState state) => new(state, [], null);

    private static LifecycleResult Refuse(OrderState state, Refusal refusal) => new(state, [], refusal);

    /// <summary>Collects the timeline entries of one decision, numbering them after the order's last one.</summary>
    private sealed class Changes(OrderState state, OrderCommand command, ImmutableArray<TimelineEntry> earlier = default)
    {
        private readonly ImmutableArray<TimelineEntry>.Builder _events = ImmutableArray.CreateBuilder<TimelineEntry>();

        public OrderState State { get; set; } = state;

        /// <param name="forCustomer">The entry in the customer's words when the description names what they must not see or count in lines.</param>
        public void Add(OrderStatus status, string kind, string description, Actor? by = null, string? forCustomer = null)
        {
            var entry = new TimelineEntry(State.Version + 1, command.At, kind, description, by ?? command.By, status, forCustomer);
            _events.Add(entry);
            State = State with { Status = status, Timeline = State.Timeline.Add(entry), UpdatedAt = command.At };
        }

        public LifecycleResult Result() =>
            new(State, earlier.IsDefaultOrEmpty ? _events.ToImmutable() : earlier.AddRange(_events), null);
    }
}