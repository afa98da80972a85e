namespace OrderGrid.Planning;

/// <summary>The restock arithmetic of one warehouse and SKU; see <see cref="Restock.Calculate"/> for the formulas.</summary>
/// <param name="LeadTimeDemand">Forecast demand over the lead time.</param>
/// <param name="SafetyStock">Stock held against forecast error over the lead time.</param>
/// <param name="ReorderPoint">Lead-time demand plus safety stock: order when the position is at or below it.</param>
/// <param name="OrderUpTo">The level an order lifts the position to: demand and safety stock over lead time plus review period.</param>
/// <param name="Position">On hand minus reserved plus incoming.</param>
/// <param name="OrderQuantity">Units to order now, in whole packs and at least the minimum order; 0 above the reorder point.</param>
/// <param name="StockOut">The first forecast day whose cumulative demand exceeds free stock plus what has arrived by then; null when none within the forecast.</param>
/// <param name="DaysOfCover">Free stock divided by the mean forecast day; null when no demand is forecast.</param>
/// <param name="SlackDays">Days from the stock-out (or the end of the forecast) back to when an order placed today arrives: sort ascending, negative means such an order arrives too late.</param>
public sealed record RestockFigures(
    double LeadTimeDemand,
    double SafetyStock,
    double ReorderPoint,
    double OrderUpTo,
    int Position,
    int OrderQuantity,
    DateOnly? StockOut,
    double? DaysOfCover,
    int SlackDays);