namespace OrderGrid.AfterSales;

/// <summary>What a service ticket is about.</summary>
[GenerateSerializer, Alias("og.ticket-category")]
public enum TicketCategory
{
    Damaged = 0,
    MissingItem = 1,
    Late = 2,
    WrongItem = 3,
    Billing = 4,
    Other = 5,
}