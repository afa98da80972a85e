using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>Ship what is reserved now (one pick list per warehouse); the rest follows when its stock arrives.</summary>
public sealed record SplitOrderCommand(Actor By, DateTimeOffset At) : OrderCommand(By, At);