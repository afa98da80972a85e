using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>A service ticket on an order, keyed e.g. <c>TK-7K3M-2Q9F-1</c>.</summary>
[GenerateSerializer, Immutable, Alias("og.ticket-view")]
public sealed record TicketView(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderId,
    [property: Id(2)] TicketCategory Category,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] ImmutableArray<TicketMessage> Messages,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt)
{
    /// <summary>What staff and the customer may do with the ticket now (worked out on reading, never stored).</summary>
    public ImmutableArray<TicketAction> AllowedActions => Status == TicketStatus.Closed ? [] : [TicketAction.Reply];

    /// <summary>
    /// What staff may do with the ticket now: reply while it is not closed, resolve while it is not resolved or
    /// closed, close while it is not closed — the status changes <see cref="ITicketGrain.SetStatus"/> accepts.
    /// A method, not a property, so the customer's copy of the ticket never carries it.
    /// </summary>
    public ImmutableArray<TicketAction> StaffActions() => Status switch
    {
        TicketStatus.Closed => [],
        TicketStatus.Resolved => [TicketAction.Reply, TicketAction.Close],
        _ => [TicketAction.Reply, TicketAction.Resolve, TicketAction.Close],
    };
}