using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>What the lifecycle decided: the new state and what happened, or a refusal (state unchanged).</summary>
public sealed record LifecycleResult(OrderState State, ImmutableArray<TimelineEntry> Events, Refusal? Refusal)
{
    public bool Accepted => Refusal is null;

    public bool Changed => !Events.IsEmpty;
}