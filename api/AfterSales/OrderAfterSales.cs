using System.Collections.Immutable;

using OrderGrid.AfterSales;

namespace OrderGrid.Api.AfterSales;

/// <summary>
/// An order's after-sales as staff see it (the wall's order detail): its returns with their steps
/// (<see cref="ReturnView.AllowedActions"/>), its tickets, and what may be opened now.
/// </summary>
/// <param name="AllowedActions">
/// <c>request-return</c> (delivered, some shipped units not on another return) and <c>open-ticket</c>: the same
/// check as the customer's, here for staff acting on the customer's behalf. <c>rate</c> is the customer's own.
/// </param>
/// <param name="TicketActions">One entry per ticket: what staff may do with it now (reply, resolve, close).</param>
/// <param name="Currency">
/// The ISO 4217 code of the order's amounts — refunds of returns and of the order itself — the catalog's currency
/// (<c>OrderGrid:Catalog:Currency</c>), as the tracking page shows them.
/// </param>
public sealed record OrderAfterSales(
    ImmutableArray<ReturnView> Returns,
    ImmutableArray<TicketView> Tickets,
    ImmutableArray<AfterSalesAction> AllowedActions,
    ImmutableArray<TicketSteps> TicketActions,
    string Currency);