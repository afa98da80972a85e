using OrderGrid.Api.Problems;
using OrderGrid.Shipping;

namespace OrderGrid.Api.Shipping;

/// <summary>
/// A carrier event to record: <c>Shipped</c> is set by shipping the pick list, not reported afterwards. An
/// <c>Exception</c> says what went wrong (<paramref name="Reason"/>), which the order's timeline and its customer show.
/// </summary>
public sealed record RecordTrackingEventRequest(ShipmentStatus? Status, string? Location = null, DateTimeOffset? OccurredAt = null, string? Reason = null)
{
    /// <summary>Carriers' clocks drift a little; an event further in the future is a mistake.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (Status is not (ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery or ShipmentStatus.Delivered or ShipmentStatus.Exception))
        {
            errors.Add("status", "Required: one of InTransit, OutForDelivery, Delivered, Exception.");
        }

        errors.Text("location", Location, 200, required: false);
        errors.Text("reason", Reason, 200, required: Status == ShipmentStatus.Exception);
        if (Status is not null and not ShipmentStatus.Exception && !string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add("reason", "Only an Exception has a reason.");
        }
        if (OccurredAt > now + AllowedClockSkew)
        {
            errors.Add("occurredAt", "Must not be in the future.");
        }

        return errors;
    }
}