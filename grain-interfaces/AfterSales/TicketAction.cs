using System.Text.Json.Serialization;

namespace OrderGrid.AfterSales;

/// <summary>
/// What may be done with a ticket now: <see cref="TicketView.AllowedActions"/> for the customer and staff alike (reply),
/// <see cref="TicketView.StaffActions"/> for staff (reply, resolve, close).
/// </summary>
[GenerateSerializer, Alias("og.ticket-action")]
public enum TicketAction
{
    /// <summary>Write on the ticket (staff answer, the customer reopens); a closed ticket takes no more messages.</summary>
    [JsonStringEnumMemberName("reply")] Reply = 0,

    /// <summary>Staff mark the question answered for good (status Resolved); a customer's message opens it again.</summary>
    [JsonStringEnumMemberName("resolve")] Resolve = 1,

    /// <summary>Staff close the ticket: it takes no more messages and no other status.</summary>
    [JsonStringEnumMemberName("close")] Close = 2,
}