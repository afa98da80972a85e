namespace OrderGrid.Planning;

/// <summary>A discount for the customers of one segment, valid from <see cref="ValidFrom"/> until (not including) <see cref="ValidUntil"/>.</summary>
/// <param name="Id">Unique, e.g. <c>PR-7K3M9Q2X</c>.</param>
/// <param name="Segment">One of <see cref="SegmentNames.All"/>.</param>
/// <param name="DiscountPercent">Above 0, at most 90.</param>
/// <param name="CreatedBy">The name of the staff key that created it.</param>
[GenerateSerializer, Immutable, Alias("og.promotion")]
public sealed record Promotion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Segment,
    [property: Id(3)] decimal DiscountPercent,
    [property: Id(4)] DateTimeOffset ValidFrom,
    [property: Id(5)] DateTimeOffset ValidUntil,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy)
{
    public bool IsActiveAt(DateTimeOffset at) => ValidFrom <= at && at < ValidUntil;
}