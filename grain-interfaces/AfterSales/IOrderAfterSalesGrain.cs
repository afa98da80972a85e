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
    /// Sets a reminder to ask for the rating <c>Feedback:AskAfter</c> after <paramref name="deliveredAt"/>; called
    /// when the order is delivered or collected. A repeat sets the same reminder.
    /// </summary>
    Task ScheduleFeedbackRequest(DateTimeOffset deliveredAt);

    /// <summary>
    /// The reminder's work: once the rating is due and not given, notes <c>feedback.requested</c> on the order's
    /// timeline (once, note <c>feedback:{orderId}</c>), which emails the customer; before then it changes nothing.
    /// </summary>
    Task RequestFeedback();
}