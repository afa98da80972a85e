using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>Join a merge with other orders of the customer: picked, packed and shipped with them.</summary>
public sealed record MergeOrderCommand(string MergeId, ImmutableArray<string> With, Actor By, DateTimeOffset At) : OrderCommand(By, At);

/// <summary>Ship a merged order's pick list under the merge's one label.</summary>
public sealed record ShipMergedCommand(string MergeId, string PickListId, ShippingLabel Label, Actor By, DateTimeOffset At) : OrderCommand(By, At);