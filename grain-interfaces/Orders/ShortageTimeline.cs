using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>
/// The timeline kinds of the customer's choices when part of an order waits for stock (see the order lifecycle), and
/// what the timeline says about them, for the lifecycle's guards and the tracking view alike.
/// </summary>
public static class ShortageTimeline
{
    /// <summary>The customer chose to wait for everything.</summary>
    public const string ChoseToWait = "shortage.wait-for-stock";

    /// <summary>The customer chose to ship what is here now (the split follows).</summary>
    public const string ChoseToShipNow = "shortage.ship-available-now";

    /// <summary>The customer chose to drop what is missing (the modification and the refund follow).</summary>
    public const string ChoseToDrop = "shortage.drop-missing-lines";

    /// <summary>A refund was recorded on the order (units it no longer sends).</summary>
    public const string RefundRecorded = "order.refund-recorded";

    /// <summary>The order became backordered (at placement or after a change).</summary>
    public const string Backordered = "order.backordered";

    /// <summary>Whether the customer chose to wait during the present shortage: a wait recorded after the order last became backordered.</summary>
    public static bool WaitingByChoice(ImmutableArray<TimelineEntry> timeline)
    {
        long lastWait = 0, lastShortage = 0;
        foreach (var entry in timeline.IsDefault ? [] : timeline)
        {
            if (entry.Kind == ChoseToWait)
            {
                lastWait = entry.Sequence;
            }
            else if (entry.Kind == Backordered)
            {
                lastShortage = entry.Sequence;
            }
        }

        return lastWait > lastShortage;
    }
}