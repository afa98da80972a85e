using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>
/// After-sales of one order, keyed by the order id: numbers its returns and tickets, checks returned quantities
/// against what was shipped, and keeps the customer's rating.
/// </summary>
public interface IOrderAfterSalesGrain : IGrainWithStringKey
{
    /// <summary>Opens a return for a delivered order: at most what was shipped less what other returns claim.</summary>
    Task<Outcome<ReturnView>> RequestReturn(ImmutableArray<ReturnLineRequest> lines, string reason, Actor by);

    [ReadOnly]
    Task<ImmutableArray<ReturnView>> Returns();

    /// <summary>
    /// What may still be sent back, SKU by SKU (the limits <see cref="RequestReturn"/> checks); empty while the order
    /// cannot be returned (not yet delivered, or everything already on a return).
    /// </summary>
    [ReadOnly]
    Task<ImmutableArray<ReturnableLine>> Returnable();

    /// <summary>What the customer may do after the sale now: ask for a return, open a ticket, rate the order.</summary>
    [ReadOnly]
    Task<ImmutableArray<AfterSalesAction>> AllowedActions();

    Task<Outcome<TicketView>> OpenTicket(TicketCategory category, string message, Actor by);

    [ReadOnly]
    Task<ImmutableArray<TicketView>> Tickets();

    [ReadOnly]
    Task<Outcome<FeedbackView>> Feedback();

    /// <summary>The customer's rating, once it is due; a second rating is refused (409).</summary>
    Task<Outcome<FeedbackView>> Rate(int rating, string? comment, Actor by);

    /// <summary>
    /// Records that the rating is to be asked for <c>Feedback:AskAfter</c> after <paramref name="deliveredAt"/> (the
    /// state's wake-up time: the silo's due-work scanner wakes the grain then); called when the order is delivered or
    /// collected. A repeat records the same time; once asked or rated it does nothing.
    /// Interleaved: the order's change feed calls it while the order waits for the feed, and <c>Wake</c> calls the
    /// order; taking turns, the two grains waited for each other (a test hung on it). It writes only when the time
    /// changes, and a write that collides with Wake's fails and is delivered again by the order's outbox.
    /// </summary>
    [AlwaysInterleave]
    Task ScheduleFeedbackRequest(DateTimeOffset deliveredAt);
}