using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

/// <summary>Changes to an order after placement: modify before picking, correct in review.</summary>
public static partial class OrderLifecycle
{
    // Lines and address change only before pick lists are issued (the table allows it up to Backordered): once they
    // are, a warehouse may already be picking them.
    private static LifecycleResult Modify(OrderState state, ModifyOrderCommand c)
    {
        var lines = c.Lines.Select(line => state.Lines.FirstOrDefault(l => l.Sku == line.Sku) is { } kept
            ? line with { Allocations = kept.Allocations }
            : line).ToImmutableArray();
        var what = Difference(state, lines, c.ShipTo);
        if (what.Count == 0)
        {
            return Unchanged(state);
        }

        var removed = state.Lines.Select(l => l.Sku).Except(lines.Select(l => l.Sku)).ToArray();
        var changes = new Changes(state with { Lines = lines, ShipTo = c.ShipTo, Steps = state.Steps.Returning(removed) }, c);
        changes.Add(state.Status, EventKinds.OrderModified, $"Changed: {string.Join("; ", what)}.", forCustomer: $"Changed: {string.Join("; ", CustomerDifference(state, lines, c.ShipTo))}.");

        var hold = c.Decisions.FirstOrDefault(d => d.Action.Kind == RuleActionKind.Hold);
        foreach (var decision in c.Decisions.Where(d => d.Action.Kind != RuleActionKind.Hold))
        {
            ReapplyRule(changes, decision);
        }

        if (hold is not null)
        {
            HoldAgain(changes, hold, c.At);
        }
        else if (state.Status == OrderStatus.AwaitingReview)
        {
            changes.State = changes.State with { Holds = WithoutHold(changes.State.Holds, HoldKind.Review), Steps = changes.State.Steps.With(new ReserveStock()) };
            changes.Add(OrderStatus.Placed, EventKinds.OrderApproved, "No rule holds the changed order any more: it goes on to stock reservation.");
        }
        else if (state.Status != OrderStatus.Placed && (removed.Length > 0 || lines.Any(l => state.Lines.FirstOrDefault(o => o.Sku == l.Sku)?.Quantity != l.Quantity)))
        {
            changes.State = changes.State with { Steps = changes.State.Steps.With(new AdjustReservation()) };
        }

        return changes.Result();
    }

    /// <summary>
    /// An order awaiting review holds no stock (rejecting it releases nothing), so a change that newly holds an
    /// order gives its stock back; approval reserves it again.
    /// </summary>
    private static void HoldAgain(Changes changes, RuleDecision hold, DateTimeOffset at)
    {
        var holding = changes.State.Status is OrderStatus.Placed or OrderStatus.Reserved or OrderStatus.Backordered;
        changes.State = changes.State with
        {
            Holds = [new OrderHold(HoldKind.Review, hold.Action.Reason!, at)],
            Steps = holding
                ? changes.State.Steps.Without<ReserveStock>().Without<AdjustReservation>().With(new ReleaseStock())
                : changes.State.Steps.Without<ReserveStock>().Without<AdjustReservation>(),
        };
        changes.Add(OrderStatus.AwaitingReview, EventKinds.OrderHeldForReview, $"Held for review by rule '{hold.RuleName}': {hold.Action.Reason}.", Actor.Rule(hold.RuleName));
    }

    /// <summary>A rule's decision on a changed order, written to the timeline only when it changes something.</summary>
    private static void ReapplyRule(Changes changes, RuleDecision decision)
    {
        var (a, rule, state) = (decision.Action, $"rule '{decision.RuleName}'", changes.State);
        (OrderState State, string Description)? applied = a.Kind switch
        {
            RuleActionKind.Priority when state.Priority != a.Level =>
                (state with { Priority = a.Level!.Value }, $"Priority {a.Level.Value.ToString().ToLowerInvariant()} set by {rule}."),
            RuleActionKind.PreferWarehouse when state.PreferredWarehouse != a.WarehouseId =>
                (state with { PreferredWarehouse = a.WarehouseId }, $"Warehouse {a.WarehouseId} preferred by {rule}."),
            RuleActionKind.ExcludeWarehouse when !state.ExcludedWarehouses.Contains(a.WarehouseId!) =>
                (state with { ExcludedWarehouses = state.ExcludedWarehouses.Add(a.WarehouseId!) }, $"Warehouse {a.WarehouseId} excluded by {rule}."),
            RuleActionKind.RequireSignature when !state.SignatureRequired =>
                (state with { SignatureRequired = true }, $"Signature on delivery required by {rule}."),
            _ => null,
        };
        if (applied is { } change)
        {
            changes.State = change.State;
            changes.Add(state.Status, EventKinds.OrderRuleApplied, change.Description, Actor.Rule(decision.RuleName));
        }
    }

    private static List<string> Difference(OrderState state, ImmutableArray<OrderLine> lines, Address? shipTo)
    {
        var what = new List<string>();
        foreach (var line in lines)
        {
            var before = state.Lines.FirstOrDefault(l => l.Sku == line.Sku);
            if (before is null)
            {
                what.Add($"added {line.Quantity} × {line.Name}");
            }
            else if (before.Quantity != line.Quantity)
            {
                what.Add($"quantity of {line.Name} {before.Quantity} → {line.Quantity}");
            }
        }

        what.AddRange(state.Lines.Where(l => !lines.Any(n => n.Sku == l.Sku)).Select(l => $"removed {l.Name}"));
        if (shipTo is not null && shipTo != state.ShipTo)
        {
            what.Add($"address changed to {shipTo.Line1}, {shipTo.PostalCode} {shipTo.City}, {shipTo.Country}");
        }

        return what;
    }

    /// <summary>The change in the customer's words: the street lines of an address never appear (a tracking link can be forwarded).</summary>
    private static List<string> CustomerDifference(OrderState state, ImmutableArray<OrderLine> lines, Address? shipTo)
    {
        var what = Difference(state, lines, null);
        if (shipTo is not null && shipTo != state.ShipTo)
        {
            what.Add($"new delivery address {shipTo.PostalCode} {shipTo.City}, {shipTo.Country}");
        }

        return what;
    }

    private static LifecycleResult RecordAdjustment(OrderState state, StepDoneCommand c)
    {
        if (!state.Steps.Has<AdjustReservation>())
        {
            return Unchanged(state);
        }

        // Only an order still holding stock follows the change; after it stopped (cancelled, picking) the answer is only noted.
        if (!OrderTransitions.Allows(state.Status, OrderMove.RecordAdjustment))
        {
            return new LifecycleResult(state with { Steps = state.Steps.Without<AdjustReservation>() }, [], null);
        }

        var lines = state.Lines.Select(line => line with
        {
            Allocations = [.. c.Allocations
                .Where(a => a.Sku == line.Sku && (a.Reserved > 0 || a.Backordered > 0))
                .Select(a => new LineAllocation(a.WarehouseId, a.Reserved, a.Backordered, a.Version))],
        }).ToImmutableArray();
        var waiting = lines.Count(l => !l.IsFullyReserved);
        var holds = WithoutHold(state.Holds, HoldKind.OutOfStock);
        var changes = new Changes(state with
        {
            Lines = lines,
            Steps = state.Steps.Without<AdjustReservation>(),
            Holds = waiting == 0 ? holds : holds.Add(new OrderHold(HoldKind.OutOfStock, $"{Counted.Of(waiting, "line", "lines")} waiting for stock", c.At)),
        }, c);
        var reserved = lines.Sum(l => Math.Min(l.Reserved, l.Quantity));
        var missing = Counted.Items(lines.Sum(l => l.Quantity) - reserved);
        var (status, kind, description, forCustomer) = (waiting == 0, state.Status) switch
        {
            (true, OrderStatus.Backordered) => (OrderStatus.Reserved, EventKinds.OrderReserved, "After the change all items are reserved.", null),
            (false, OrderStatus.Reserved) => (OrderStatus.Backordered, EventKinds.OrderBackordered, $"Delayed: after the change {Counted.Of(waiting, "line", "lines")} ({missing}) waiting for stock.",
                $"Delayed: after the change we are waiting for stock of {missing}. We will send everything as soon as it arrives, unless you choose otherwise on your tracking page."),
            _ => (state.Status, EventKinds.StockAdjusted, $"Reservation follows the change: {Counted.Of(reserved, "unit", "units")} reserved, {missing} waiting.",
                (string?)$"After the change: {Counted.Items(reserved)} reserved, {missing} waiting for stock."),
        };
        changes.Add(status, kind, description, forCustomer: forCustomer);
        return changes.Result();
    }

    /// <summary>The SKUs given back leave the return step (SKUs added to it meanwhile stay for the next run).</summary>
    private static LifecycleResult RecordStockReturned(OrderState state, ReturnStock step)
    {
        if (state.Steps.FirstOrDefault(s => s is ReturnStock) is not ReturnStock waiting)
        {
            return Unchanged(state);
        }

        var left = waiting.Skus.Except(step.Skus, StringComparer.Ordinal).ToImmutableArray();
        return new LifecycleResult(state with { Steps = left.IsEmpty ? state.Steps.Remove(waiting) : state.Steps.Replace(waiting, new ReturnStock(left)) }, [], null);
    }

    /// <summary>Sourcing that spans warehouses gives one pick list, and so one shipment, per warehouse: the timeline says so.</summary>
    private static LifecycleResult SplitAcrossWarehouses(LifecycleResult issued, IssuePickListsCommand c)
    {
        if (!issued.Accepted || issued.State.PickLists.Length < 2)
        {
            return issued;
        }

        var pickLists = issued.State.PickLists;
        var changes = new Changes(issued.State, c, issued.Events);
        changes.Add(
            issued.State.Status,
            EventKinds.OrderSplit,
            $"Split into {pickLists.Length} shipments, one from each warehouse: {string.Join(", ", pickLists.Select(p => p.WarehouseId))}.",
            forCustomer: $"Your order comes in {pickLists.Length} parcels, sent from different warehouses.");
        return changes.Result();
    }
}