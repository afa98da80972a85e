using OrderGrid.Orders;

namespace OrderGrid.AfterSales;

/// <summary>When an order's rating is asked for: <see cref="FeedbackOptions.AskAfter"/> after it was first delivered.</summary>
public static class FeedbackSchedule
{
    /// <summary>Null while the order has not been delivered.</summary>
    public static DateTimeOffset? DueAt(OrderView order, TimeSpan askAfter)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Timeline.FirstOrDefault(e => e.Status == OrderStatus.Delivered)?.At + askAfter;
    }

    public static bool IsDue(OrderView order, TimeSpan askAfter, DateTimeOffset now) => DueAt(order, askAfter) <= now;
}