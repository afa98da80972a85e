namespace OrderGrid.Planning;

/// <summary>One SKU's health in a warehouse; every figure is the warehouse's share of the SKU (see the forecast).</summary>
/// <param name="Free">On hand − reserved − backordered: what is left once every open order is served (negative when orders wait).</param>
/// <param name="ForecastPerDay">The forecast's mean units a day over its days (28 from today).</param>
/// <param name="SoldPerDay">Units sold a day over the last <see cref="InventoryHealthView.SalesWindowDays"/> days of history.</param>
/// <param name="DaysOfCover">Free stock / forecast per day; null ("no demand forecast") when the forecast holds less than one unit.</param>
/// <param name="Turnover">Units sold in the last <see cref="InventoryHealthView.SalesWindowDays"/> days / on hand now (= sold per day × window / on hand); null with nothing on hand.</param>
[GenerateSerializer, Immutable, Alias("og.inventory-health-row")]
public sealed record InventoryHealthRow(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int OnHand,
    [property: Id(3)] int Free,
    [property: Id(4)] double ForecastPerDay,
    [property: Id(10)] double SoldPerDay,
    [property: Id(5)] double? DaysOfCover,
    [property: Id(6)] double? Turnover,
    [property: Id(7)] DateOnly? LastSale,
    [property: Id(8)] bool Overstock,
    [property: Id(9)] bool Dead);