using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Merges;

/// <summary>
/// A merge of open orders of one customer to one address, keyed by <see cref="MergeIds.For"/> of its orders: picked,
/// packed and shipped together as one parcel, while each order keeps its own timeline and tracking.
/// </summary>
public interface IMergeGrain : IGrainWithStringKey
{
    /// <summary>Merges the orders (a retry answers the same merge); refused unless all can travel together.</summary>
    Task<Outcome<MergeView>> Merge(ImmutableArray<string> orderIds, Actor by);

    /// <summary>The merge with its combined pick list, or null when no merge has this id.</summary>
    [ReadOnly]
    Task<MergeView?> Get();

    /// <summary>Marks every member's pick list picked.</summary>
    Task<Outcome<MergeView>> MarkPicked(Actor by);

    /// <summary>Marks every member's pick list packed.</summary>
    Task<Outcome<MergeView>> MarkPacked(Actor by);

    /// <summary>Ships every member's pick list under one label: one shipment and one tracking number for all.</summary>
    Task<Outcome<MergeView>> Ship(string? carrier, Actor by);
}