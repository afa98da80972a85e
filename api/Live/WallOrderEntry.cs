using OrderGrid.Orders;

namespace OrderGrid.Api.Live;

/// <summary>One new timeline entry of a <see cref="WallOrderEvent"/>.</summary>
public sealed record WallOrderEntry(long Sequence, DateTimeOffset At, string Kind, string Description, OrderStatus Status);