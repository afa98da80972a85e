using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>The after-sales of one order: its return and ticket ids, and the rating once given.</summary>
[GenerateSerializer, Alias("og.order-after-sales-state")]
public sealed record OrderAfterSalesState
{
    [Id(0)] public ImmutableArray<string> Returns { get; init; } = [];
    [Id(1)] public ImmutableArray<string> Tickets { get; init; } = [];
    [Id(2)] public FeedbackEntry? Rating { get; init; }
}