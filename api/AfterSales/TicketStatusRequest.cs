using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>The body setting a ticket's status.</summary>
public sealed record TicketStatusRequest(TicketStatus? Status);