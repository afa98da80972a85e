using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>The desk's persisted state: what still needs staff, and the running rating totals.</summary>
[GenerateSerializer, Alias("og.after-sales-desk-state")]
public sealed record AfterSalesDeskState
{
    [Id(0)] public ImmutableDictionary<string, ReturnView> Returns { get; init; } = ImmutableDictionary<string, ReturnView>.Empty;
    [Id(1)] public ImmutableDictionary<string, TicketView> Tickets { get; init; } = ImmutableDictionary<string, TicketView>.Empty;
    [Id(2)] public int RatingCount { get; init; }
    [Id(3)] public int RatingTotal { get; init; }
    [Id(4)] public ImmutableArray<FeedbackEntry> Latest { get; init; } = [];
}