namespace OrderGrid.Planning;

/// <summary>One customer segment of the RFM k-means model, described by its members' means.</summary>
/// <param name="Name">Stable, plain name such as <c>champions</c>; promotions target it.</param>
[GenerateSerializer, Immutable, Alias("og.segment-summary")]
public sealed record SegmentSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] int Customers,
    [property: Id(3)] double MeanRecencyDays,
    [property: Id(4)] double MeanOrders,
    [property: Id(5)] decimal MeanSpend,
    [property: Id(6)] double ShareOfRevenue);