namespace OrderGrid.Planning;

/// <summary>
/// What to order for one warehouse and SKU now, and why: the forecast over the lead time, safety stock for the
/// service level, the reorder point against the position (on hand − reserved − backordered + incoming).
/// </summary>
/// <param name="Id">Names the warehouse, SKU, model version and day; accepting it orders once.</param>
/// <param name="Backordered">Units open orders wait for here: demand already, covered before any forecast demand.</param>
/// <param name="Position">On hand − reserved − backordered + incoming: negative when orders wait for more than is there and coming.</param>
/// <param name="OrderUpTo">Forecast demand and safety stock over lead time plus review period: an order lifts the position to it.</param>
/// <param name="SuggestedQuantity">Units to order now (0: none due); 0 too once today's suggestion was ordered and covers the position.</param>
/// <param name="StockOutOn">The first day the forecast demand exceeds free stock and what arrives by then; today when orders already wait; null when not within the forecast.</param>
/// <param name="DaysOfCover">Free stock (on hand − reserved − backordered) over the forecast's mean day; null when the forecast holds less than one unit.</param>
/// <param name="SlackDays">Days between an order placed today arriving and the stock-out: negative means it arrives too late.</param>
/// <param name="Urgency">A <see cref="RestockUrgency"/> word: <c>late</c>, <c>order-now</c>, <c>watch</c> or <c>covered</c>.</param>
/// <param name="PurchaseOrderId">The purchase order today's suggestion became when it was accepted (still open); null before.</param>
/// <param name="OrderedQuantity">Units of that purchase order; 0 when none.</param>
[GenerateSerializer, Immutable, Alias("og.restock-suggestion")]
public sealed record RestockSuggestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string WarehouseId,
    [property: Id(2)] string Sku,
    [property: Id(3)] string Name,
    [property: Id(4)] int OnHand,
    [property: Id(5)] int Reserved,
    [property: Id(20)] int Backordered,
    [property: Id(6)] int Incoming,
    [property: Id(7)] int Position,
    [property: Id(8)] int LeadTimeDays,
    [property: Id(9)] double ServiceLevel,
    [property: Id(10)] double LeadTimeDemand,
    [property: Id(11)] double SafetyStock,
    [property: Id(12)] double ReorderPoint,
    [property: Id(23)] double OrderUpTo,
    [property: Id(13)] int SuggestedQuantity,
    [property: Id(14)] DateOnly? StockOutOn,
    [property: Id(15)] double? DaysOfCover,
    [property: Id(16)] int SlackDays,
    [property: Id(17)] DateOnly ExpectedOn,
    [property: Id(18)] string Urgency,
    [property: Id(19)] long ModelVersion,
    [property: Id(21)] string? PurchaseOrderId,
    [property: Id(22)] int OrderedQuantity);