using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>One message on a ticket, from the customer or staff.</summary>
[GenerateSerializer, Immutable, Alias("og.ticket-message")]
public sealed record TicketMessage(
    [property: Id(0)] int Number,
    [property: Id(1)] Actor From,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At);