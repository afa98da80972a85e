namespace OrderGrid.Orders;

public static partial class OrderLifecycle
{
    /// <summary>Notes an after-sales step on the timeline once per note id; the order keeps its status.</summary>
    private static LifecycleResult RecordAfterSales(OrderState state, RecordAfterSalesCommand c)
    {
        if (state.AfterSalesNotes.Contains(c.Note.Id))
        {
            return new LifecycleResult(state, [], null);
        }

        var changes = new Changes(state with { AfterSalesNotes = state.AfterSalesNotes.Add(c.Note.Id) }, c);
        changes.Add(state.Status, c.Note.Kind, c.Note.Description, c.Note.By, c.Note.CustomerDescription);
        return changes.Result();
    }
}