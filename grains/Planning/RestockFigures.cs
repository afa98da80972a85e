namespace OrderGrid.Planning;

/// <summary>The restock arithmetic of one warehouse and SKU; see <see cref="Restock.Calculate"/> for the formulas.</summary>
/// <param name="LeadTimeDemand">Forecast demand over the lead time.</param>
/// <param name="SafetyStock">Stock held against forecast error over the lead time.</param>
/// <param name="ReorderPoint">Lead-time demand plus safety stock: order when the position is at or below it.</param>
/// <param name="OrderUpTo">The level an order lifts the position to: demand and safety stock over lead time plus review period.</param>
/// <param name="Position">On hand − reserved − backordered + incoming.</param>
/// <param name="OrderQuantity">Units to order now, in whole packs and at least the minimum order; 0 above the reorder point or when less than half a unit is short.</param>
/// <param name="StockOut">The first forecast day whose cumulative demand exceeds free stock plus what has arrived by then by half a unit; today when orders already wait; null when none within the forecast.</param>
/// <param name="DaysOfCover">Free stock divided by the mean forecast day; null when the forecast holds less than one unit (no demand forecast).</param>
/// <param name="SlackDays">Days from the stock-out (or the end of the forecast) back to when an order placed today arrives: negative means such an order arrives too late.</param>
/// <param name="Urgency">A <see cref="RestockUrgency"/> word; null when there is nothing to order and no stock-out within the forecast.</param>
public sealed record RestockFigures(
    double LeadTimeDemand,
    double SafetyStock,
    double ReorderPoint,
    double OrderUpTo,
    int Position,
    int OrderQuantity,
    DateOnly? StockOut,
    double? DaysOfCover,
    int SlackDays,
    string? Urgency);