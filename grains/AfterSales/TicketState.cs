namespace OrderGrid.AfterSales;

/// <summary>The persisted state of one service ticket, once opened.</summary>
[GenerateSerializer, Alias("og.ticket-state")]
public sealed record TicketState
{
    [Id(0)] public TicketView? Ticket { get; init; }
}