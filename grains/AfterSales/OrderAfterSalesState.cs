using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>The after-sales of one order: its return and ticket ids, and the rating once given, and whether it was asked for.</summary>
[GenerateSerializer, Alias("og.order-after-sales-state")]
public sealed record OrderAfterSalesState
{
    [Id(0)] public ImmutableArray<string> Returns { get; init; } = [];
    [Id(1)] public ImmutableArray<string> Tickets { get; init; } = [];
    [Id(2)] public FeedbackEntry? Rating { get; init; }

    /// <summary>True once the customer was asked for a rating: they are asked once.</summary>
    [Id(3)] public bool FeedbackRequested { get; init; }
}