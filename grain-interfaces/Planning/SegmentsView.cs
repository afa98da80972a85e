namespace OrderGrid.Planning;

/// <summary>The customer segments of the serving model version (empty before the first training).</summary>
[GenerateSerializer, Immutable, Alias("og.segments-view")]
public sealed record SegmentsView(
    [property: Id(0)] long? ModelVersion,
    [property: Id(1)] DateTimeOffset? TrainedAt,
    [property: Id(2)] IReadOnlyList<SegmentSummary> Segments);