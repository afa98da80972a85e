using System.Collections.Immutable;

using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>What the tracking page shows of an order's after-sales: its returns, tickets and rating.</summary>
public sealed record CustomerAfterSales(ImmutableArray<ReturnView> Returns, ImmutableArray<TicketView> Tickets, FeedbackView Feedback);