using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>A return (RMA) as staff and its customer see it.</summary>
/// <param name="Id">E.g. <c>RMA-7K3M-2Q9F-1</c>: the order's id and the return's number on it.</param>
/// <param name="ReplacementOrderId">The order placed for an exchange, when there is one.</param>
[GenerateSerializer, Immutable, Alias("og.return-view")]
public sealed record ReturnView(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderId,
    [property: Id(2)] ReturnStatus Status,
    [property: Id(3)] ImmutableArray<ReturnLine> Lines,
    [property: Id(4)] string Reason,
    [property: Id(5)] Actor RequestedBy,
    [property: Id(6)] DateTimeOffset RequestedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] string? DeclineReason,
    [property: Id(9)] Refund? Refund,
    [property: Id(10)] string? ReplacementOrderId)
{
    /// <summary>The steps ops may take with the return now, from <see cref="ReturnTransitions"/> (worked out on reading, never stored).</summary>
    public ImmutableArray<ReturnAction> AllowedActions => ReturnTransitions.Allowed(this);
}