using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>What after-sales staff have to do: returns to approve or receive, open tickets, and the ratings.</summary>
[GenerateSerializer, Immutable, Alias("og.after-sales-board")]
public sealed record AfterSalesBoard(
    [property: Id(0)] ImmutableArray<ReturnView> Returns,
    [property: Id(1)] ImmutableArray<TicketView> Tickets,
    [property: Id(2)] FeedbackSummary Feedback);