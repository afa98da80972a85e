using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>Ratings so far: their average and count, and the latest comments, newest first.</summary>
[GenerateSerializer, Immutable, Alias("og.feedback-summary")]
public sealed record FeedbackSummary(
    [property: Id(0)] decimal Average,
    [property: Id(1)] int Count,
    [property: Id(2)] ImmutableArray<FeedbackEntry> Latest);