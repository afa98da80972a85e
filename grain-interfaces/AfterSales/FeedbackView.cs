namespace OrderGrid.AfterSales;

/// <summary>The customer's rating of an order: asked for from <paramref name="DueAt"/> (some days after delivery).</summary>
/// <param name="DueAt">Null until the order is delivered.</param>
[GenerateSerializer, Immutable, Alias("og.feedback-view")]
public sealed record FeedbackView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTimeOffset? DueAt,
    [property: Id(2)] bool Due,
    [property: Id(3)] int? Rating,
    [property: Id(4)] string? Comment,
    [property: Id(5)] DateTimeOffset? GivenAt);