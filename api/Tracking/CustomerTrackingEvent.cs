using OrderGrid.Shipping;

namespace OrderGrid.Api.Tracking;

/// <summary>A carrier scan, without who recorded it.</summary>
public sealed record CustomerTrackingEvent(ShipmentStatus Status, string? Location, DateTimeOffset OccurredAt);