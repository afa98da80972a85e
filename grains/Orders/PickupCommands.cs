using OrderGrid.Common;

namespace OrderGrid.Orders;

// The commands of click & collect: a packed pickup order waits in its store until the customer collects it.

/// <summary>The packed pick list waits in the store for the customer.</summary>
public sealed record MarkReadyForPickupCommand(string PickListId, Actor By, DateTimeOffset At) : OrderCommand(By, At);

/// <summary>The customer collected the pick list's goods at the store.</summary>
public sealed record MarkCollectedCommand(string PickListId, Actor By, DateTimeOffset At) : OrderCommand(By, At);