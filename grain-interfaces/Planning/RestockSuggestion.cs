namespace OrderGrid.Planning;

/// <summary>
/// What to order for one warehouse and SKU now, and why: the forecast over the lead time, safety stock for the
/// service level, the reorder point against the position (on hand − reserved + incoming).
/// </summary>
/// <param name="Id">Names the warehouse, SKU and model version; accepting it orders once.</param>
/// <param name="StockOutOn">The first day the forecast demand exceeds free stock and what arrives by then; null when not within the forecast.</param>
/// <param name="SlackDays">Days between an order placed today arriving and the stock-out: negative means it arrives too late.</param>
/// <param name="Urgency"><c>late</c> (an order today arrives after the stock-out), <c>order-now</c> (at or below the reorder point), <c>watch</c>.</param>
[GenerateSerializer, Immutable, Alias("og.restock-suggestion")]
public sealed record RestockSuggestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string WarehouseId,
    [property: Id(2)] string Sku,
    [property: Id(3)] string Name,
    [property: Id(4)] int OnHand,
    [property: Id(5)] int Reserved,
    [property: Id(6)] int Incoming,
    [property: Id(7)] int Position,
    [property: Id(8)] int LeadTimeDays,
    [property: Id(9)] double ServiceLevel,
    [property: Id(10)] double LeadTimeDemand,
    [property: Id(11)] double SafetyStock,
    [property: Id(12)] double ReorderPoint,
    [property: Id(13)] int SuggestedQuantity,
    [property: Id(14)] DateOnly? StockOutOn,
    [property: Id(15)] double? DaysOfCover,
    [property: Id(16)] int SlackDays,
    [property: Id(17)] DateOnly ExpectedOn,
    [property: Id(18)] string Urgency,
    [property: Id(19)] long ModelVersion);