namespace OrderGrid.Planning;

/// <summary>How soon a restock suggestion needs the planner (<see cref="RestockSuggestion.Urgency"/>), most urgent first.</summary>
public static class RestockUrgency
{
    /// <summary>An order is due and one placed today arrives after the stock runs out (or orders already wait: backorders).</summary>
    public const string Late = "late";

    /// <summary>An order is due (the position is at or below the reorder point) and one placed today arrives in time.</summary>
    public const string OrderNow = "order-now";

    /// <summary>Nothing to order now (the position covers the reorder point), but the stock runs out within the forecast.</summary>
    public const string Watch = "watch";

    /// <summary>
    /// Nothing to order and no stock-out within the forecast: listed only when today's suggestion was ordered
    /// (<see cref="RestockSuggestion.PurchaseOrderId"/>), so that the planner sees what became of it.
    /// </summary>
    public const string Covered = "covered";

    /// <summary>The order of the list: late first, then order now, watch and covered.</summary>
    public static int Rank(string urgency) => urgency switch
    {
        Late => 0,
        OrderNow => 1,
        Watch => 2,
        _ => 3,
    };
}