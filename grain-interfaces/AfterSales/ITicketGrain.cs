using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>One service ticket. Opened through <see cref="IOrderAfterSalesGrain.OpenTicket"/>.</summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Opens the ticket with its first message; opening it again answers the ticket as it is.</summary>
    Task<TicketView> Open(string orderId, TicketCategory category, string message, Actor by);

    [ReadOnly]
    Task<TicketView?> Get();

    /// <summary>Adds a message: the customer's reopens the ticket, staff's answers it. Refused once closed.</summary>
    Task<Outcome<TicketView>> Post(string text, Actor by);

    Task<Outcome<TicketView>> SetStatus(TicketStatus status, Actor by);
}