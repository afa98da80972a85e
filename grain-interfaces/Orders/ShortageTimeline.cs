using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>
/// What the timeline says about the customer's choices when part of an order waits for stock (see the order
/// lifecycle), for the lifecycle's guards and the tracking view alike.
/// </summary>
public static class ShortageTimeline
{
    /// <summary>Whether the customer chose to wait during the present shortage: a wait recorded after the order last became backordered.</summary>
    public static bool WaitingByChoice(ImmutableArray<TimelineEntry> timeline)
    {
        long lastWait = 0, lastShortage = 0;
        foreach (var entry in timeline.IsDefault ? [] : timeline)
        {
            if (entry.Kind == EventKinds.ShortageWaitForStock)
            {
                lastWait = entry.Sequence;
            }
            else if (entry.Kind == EventKinds.OrderBackordered)
            {
                lastShortage = entry.Sequence;
            }
        }

        return lastWait > lastShortage;
    }
}