using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;
using OrderGrid.Stock;

namespace OrderGrid.Orders;

// The commands that change an order after placement (modify, correct, split) are kept together in this file.

/// <summary>
/// Change the order's lines and address. <paramref name="Lines"/> are priced from the catalog (a kept SKU keeps
/// the order's price); <paramref name="Decisions"/> come from the automation rules re-run on the changed order.
/// </summary>
public sealed record ModifyOrderCommand(
    ImmutableArray<OrderLine> Lines,
    Address? ShipTo,
    bool Correction,
    ImmutableArray<RuleDecision> Decisions,
    Actor By,
    DateTimeOffset At) : OrderCommand(By, At);