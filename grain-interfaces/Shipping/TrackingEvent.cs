using OrderGrid.Common;

namespace OrderGrid.Shipping;

/// <summary>One scan or report of a carrier.</summary>
/// <param name="Reason">What went wrong, for an exception (e.g. "Address not found"); null for other events.</param>
[GenerateSerializer, Immutable, Alias("og.tracking-event")]
public sealed record TrackingEvent(
    [property: Id(0)] ShipmentStatus Status,
    [property: Id(1)] string? Location,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? Reason = null);