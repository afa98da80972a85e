namespace OrderGrid.Wall;

/// <summary>Orders placed in the minute that starts at <paramref name="Minute"/>.</summary>
[GenerateSerializer, Immutable, Alias("og.minute-count")]
public sealed record MinuteCount(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] int Count);