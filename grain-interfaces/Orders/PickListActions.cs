using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>The moves the pick list <paramref name="PickListId"/> may make now.</summary>
[GenerateSerializer, Immutable, Alias("og.pick-list-actions")]
public sealed record PickListActions(
    [property: Id(0)] string PickListId,
    [property: Id(1)] ImmutableArray<PickListAction> AllowedActions);