using System.Collections.Immutable;

using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>What the tracking page shows of an order's after-sales: its returns, tickets and rating, and what the customer may do now.</summary>
/// <param name="AllowedActions">Ask for a return, open a ticket, rate the order: those allowed now.</param>
/// <param name="Returnable">What may still be sent back, SKU by SKU: the most a return of each may ask for now.</param>
public sealed record CustomerAfterSales(
    ImmutableArray<CustomerReturn> Returns,
    ImmutableArray<TicketView> Tickets,
    FeedbackView Feedback,
    ImmutableArray<AfterSalesAction> AllowedActions,
    ImmutableArray<ReturnableLine> Returnable);