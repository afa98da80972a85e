using System.Text.Json.Serialization;

namespace OrderGrid.AfterSales;

/// <summary>What may be done with a ticket now (<see cref="TicketView.AllowedActions"/>): the same for staff and customer.</summary>
[GenerateSerializer, Alias("og.ticket-action")]
public enum TicketAction
{
    /// <summary>Write on the ticket (staff answer, the customer reopens); a closed ticket takes no more messages.</summary>
    [JsonStringEnumMemberName("reply")] Reply = 0,
}