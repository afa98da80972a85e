using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;
using OrderGrid.Shipping;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

// The commands of the order lifecycle form one closed family, so they are kept together in this file.

/// <summary>Something asked of an order, by someone, at a moment.</summary>
public abstract record OrderCommand(Actor By, DateTimeOffset At);

/// <summary>Place the order. Lines are already priced; <paramref name="Decisions"/> come from the automation rules.</summary>
public sealed record PlaceOrderCommand(
    string OrderId,
    PlaceOrder Request,
    ImmutableArray<OrderLine> Lines,
    string TrackingToken,
    string Fingerprint,
    ImmutableArray<RuleDecision> Decisions,
    Actor By,
    DateTimeOffset At,
    string? Currency = null) : OrderCommand(By, At);

public sealed record ApproveOrderCommand(Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record RejectOrderCommand(string Reason, Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record CancelOrderCommand(string Reason, Actor By, DateTimeOffset At) : OrderCommand(By, At);

/// <summary>
/// The grain carried out <paramref name="Step"/> (one of <see cref="OrderState.Steps"/>): it leaves the list, and its
/// answer is recorded. <paramref name="Allocations"/> is what the stock grains answered: the reservation for
/// <see cref="ReserveStock"/> and <see cref="AdjustReservation"/>, what the warehouse still holds for the order for
/// <see cref="DispatchPickList"/>, nothing for the other steps.
/// </summary>
public sealed record StepDoneCommand(OrderStep Step, ImmutableArray<Allocation> Allocations, Actor By, DateTimeOffset At) : OrderCommand(By, At)
{
    public StepDoneCommand(OrderStep step, Actor by, DateTimeOffset at)
        : this(step, [], by, at)
    {
    }
}

/// <summary>A warehouse filled (part of) a backorder.</summary>
public sealed record AllocateStockCommand(Allocation Allocation, Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record IssuePickListsCommand(Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record MarkPickedCommand(string PickListId, Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record MarkPackedCommand(string PickListId, Actor By, DateTimeOffset At) : OrderCommand(By, At);

public sealed record ShipPickListCommand(string PickListId, ShippingLabel Label, Actor By, DateTimeOffset At) : OrderCommand(By, At);

/// <param name="EventNumber">The shipment's number for this event; a number already followed changes nothing (0: unnumbered).</param>
public sealed record FollowShipmentCommand(string ShipmentId, TrackingEvent Event, Actor By, DateTimeOffset At, int EventNumber = 0) : OrderCommand(By, At);

public sealed record CompleteOrderCommand(Actor By, DateTimeOffset At) : OrderCommand(By, At);