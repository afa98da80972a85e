using System.Globalization;

namespace OrderGrid.Orders;

public static partial class OrderLifecycle
{
    private static readonly CultureInfo CustomerDays = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Notes a waiting line's new expected day on the timeline — for staff with the SKU, for the customer in words — so
    /// the order's followers (the tracking page, the wall) hear of it as of any change. Nothing when the line no longer
    /// waits or the day is the one already noted.
    /// </summary>
    private static LifecycleResult RecordExpectedDay(OrderState state, RecordExpectedDayCommand c)
    {
        var line = state.Lines.FirstOrDefault(l => l.Sku == c.Sku && l.Backordered > 0);
        DateOnly? noted = state.ExpectedDays.FirstOrDefault(e => e.Sku == c.Sku)?.Day;
        if (line is null || noted == c.Day)
        {
            return new LifecycleResult(state, [], null);
        }

        var others = state.ExpectedDays.RemoveAll(e => e.Sku == c.Sku);
        var next = state with { ExpectedDays = c.Day is { } d ? others.Add(new ExpectedDay(c.Sku, d)) : others };
        var changes = new Changes(next, c);
        var units = line.Backordered == 1 ? "1 unit" : $"{line.Backordered} units";
        if (c.Day is { } expected)
        {
            changes.Add(
                state.Status,
                EventKinds.OrderExpectedDay,
                $"{line.Name} ({line.Sku}): the {units} waiting are now expected by {expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (open purchase orders).",
                c.By,
                $"{line.Name}: now expected by {expected.ToString("d MMM yyyy", CustomerDays)}.");
        }
        else
        {
            changes.Add(
                state.Status,
                EventKinds.OrderExpectedDay,
                $"{line.Name} ({line.Sku}): the open purchase orders no longer cover the {units} waiting; no expected day.",
                c.By,
                $"{line.Name}: we are waiting for a new delivery date from our supplier.");
        }

        return changes.Result();
    }
}