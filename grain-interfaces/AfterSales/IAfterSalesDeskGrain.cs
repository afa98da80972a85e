namespace OrderGrid.AfterSales;

/// <summary>The after-sales desk (key <c>default</c>): returns and tickets still needing staff, and the ratings.</summary>
public interface IAfterSalesDeskGrain : IGrainWithStringKey
{
    /// <summary>A return changed: kept while it waits for approval or goods, dropped after.</summary>
    Task Track(ReturnView view);

    /// <summary>A ticket changed: kept until resolved or closed.</summary>
    Task Track(TicketView view);

    Task Rate(FeedbackEntry entry);

    [ReadOnly]
    Task<AfterSalesBoard> Board();
}