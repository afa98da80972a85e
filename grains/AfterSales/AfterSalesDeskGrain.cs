using System.Collections.Immutable;

namespace OrderGrid.AfterSales;

/// <summary>The after-sales desk: returns waiting for approval or goods, open tickets, and rating totals.</summary>
[GrainType("after-sales-desk")]
public sealed class AfterSalesDeskGrain(
    [PersistentState("desk", "aftersales")] IPersistentState<AfterSalesDeskState> state) : Grain, IAfterSalesDeskGrain
{
    private const int LatestKept = 10;

    private AfterSalesDeskState Desk => state.State;

    public Task Track(ReturnView view)
    {
        var waiting = view.Status is ReturnStatus.Requested or ReturnStatus.Approved;
        return Save(Desk with { Returns = waiting ? Desk.Returns.SetItem(view.Id, view) : Desk.Returns.Remove(view.Id) });
    }

    public Task Track(TicketView view)
    {
        var open = view.Status is not (TicketStatus.Resolved or TicketStatus.Closed);
        return Save(Desk with { Tickets = open ? Desk.Tickets.SetItem(view.Id, view) : Desk.Tickets.Remove(view.Id) });
    }

    public Task Rate(FeedbackEntry entry)
    {
        if (Desk.Latest.Any(e => e.OrderId == entry.OrderId))
        {
            return Task.CompletedTask;
        }

        return Save(Desk with
        {
            RatingCount = Desk.RatingCount + 1,
            RatingTotal = Desk.RatingTotal + entry.Rating,
            Latest = [.. Desk.Latest.Insert(0, entry).Take(LatestKept)],
        });
    }

    public Task<AfterSalesBoard> Board()
    {
        var average = Desk.RatingCount == 0 ? 0m : Math.Round((decimal)Desk.RatingTotal / Desk.RatingCount, 2);
        return Task.FromResult(new AfterSalesBoard(
            [.. Desk.Returns.Values.OrderBy(r => r.RequestedAt)],
            [.. Desk.Tickets.Values.OrderBy(t => t.OpenedAt)],
            new FeedbackSummary(average, Desk.RatingCount, Desk.Latest)));
    }

    private Task Save(AfterSalesDeskState next)
    {
        state.State = next;
        return state.WriteStateAsync();
    }
}