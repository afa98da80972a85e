using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Api.Tracking;

/// <summary>A timeline entry as the customer sees it: who is only a kind (staff names stay internal).</summary>
public sealed record CustomerTimelineEntry(long Sequence, DateTimeOffset At, string Kind, string Description, ActorKind Actor, OrderStatus Status);