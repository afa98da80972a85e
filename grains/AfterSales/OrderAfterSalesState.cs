using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>The after-sales of one order: its return and ticket ids, and the rating once given, and whether it was asked for.</summary>
[GenerateSerializer, Alias("og.order-after-sales-state")]
public sealed record OrderAfterSalesState : IHasDueTime
{
    /// <summary>When to ask for the rating, while it is neither asked for nor given.</summary>
    public DateTimeOffset? DueAt => FeedbackRequested || Rating is not null ? null : FeedbackDueAt;

    [Id(0)] public ImmutableArray<string> Returns { get; init; } = [];
    [Id(1)] public ImmutableArray<string> Tickets { get; init; } = [];
    [Id(2)] public FeedbackEntry? Rating { get; init; }

    /// <summary>True once the customer was asked for a rating: they are asked once.</summary>
    [Id(3)] public bool FeedbackRequested { get; init; }

    /// <summary>When the rating is to be asked for (<c>Feedback:AskAfter</c> after delivery); set once the order is delivered.</summary>
    [Id(4)] public DateTimeOffset? FeedbackDueAt { get; init; }
}