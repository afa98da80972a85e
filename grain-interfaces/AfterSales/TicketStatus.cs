namespace OrderGrid.AfterSales;

/// <summary>Where a service ticket stands; a closed ticket takes no more messages.</summary>
[GenerateSerializer, Alias("og.ticket-status")]
public enum TicketStatus
{
    Open = 0,
    WaitingOnCustomer = 1,
    Answered = 2,
    Resolved = 3,
    Closed = 4,
}