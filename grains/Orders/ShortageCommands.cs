using System.Collections.Immutable;

using OrderGrid.Common;
using OrderGrid.Rules;

namespace OrderGrid.Orders;

// The customer's choices when part of a backordered order waits for stock (the third, ship what is here now, is the split).

/// <summary>The customer waits for everything: recorded, the order keeps waiting.</summary>
public sealed record WaitForStockCommand(Actor By, DateTimeOffset At) : OrderCommand(By, At);

/// <summary>
/// The customer keeps only what is reserved: a modification of the lines, with the refund of the dropped units
/// recorded. <paramref name="Decisions"/> come from the automation rules re-run on the kept lines.
/// </summary>
public sealed record DropMissingLinesCommand(ImmutableArray<RuleDecision> Decisions, Actor By, DateTimeOffset At) : OrderCommand(By, At);