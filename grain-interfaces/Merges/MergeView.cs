using System.Collections.Immutable;

using OrderGrid.Orders;

namespace OrderGrid.Merges;

/// <summary>A merge as the warehouse sees it: one combined pick list for its orders (cancelled ones left out).</summary>
/// <param name="Status">The least advanced of the members' pick lists.</param>
/// <param name="Shipment">The one label every member ships under, once shipped.</param>
[GenerateSerializer, Immutable, Alias("og.merge-view")]
public sealed record MergeView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string WarehouseId,
    [property: Id(3)] ImmutableArray<string> OrderIds,
    [property: Id(4)] ImmutableArray<MergedLine> Lines,
    [property: Id(5)] PickListStatus Status,
    [property: Id(6)] ShippingLabel? Shipment,
    [property: Id(7)] DateTimeOffset MergedAt)
{
    /// <summary>
    /// The step the whole merge may take now (<c>picked</c>, <c>packed</c> or <c>ship</c>): the one that moves its least
    /// advanced pick lists on, as the merge grain checks it; none once shipped or when every member was cancelled.
    /// </summary>
    [Id(8)] public ImmutableArray<PickListAction> AllowedActions { get; init; } = [];
}