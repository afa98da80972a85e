namespace OrderGrid.AfterSales;

/// <summary>A rating given by a customer, as the wall lists it.</summary>
[GenerateSerializer, Immutable, Alias("og.feedback-entry")]
public sealed record FeedbackEntry(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Rating,
    [property: Id(2)] string? Comment,
    [property: Id(3)] DateTimeOffset At);