namespace OrderGrid.Planning;

/// <summary>One SKU's health in a warehouse.</summary>
/// <param name="DailyDemand">Mean forecast units a day.</param>
/// <param name="DaysOfCover">Free stock / daily demand; null when no demand is forecast.</param>
/// <param name="Turnover">Units sold in the last 90 days / stock on hand now (annualise × 365/90); null without stock.</param>
[GenerateSerializer, Immutable, Alias("og.inventory-health-row")]
public sealed record InventoryHealthRow(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int OnHand,
    [property: Id(3)] int Free,
    [property: Id(4)] double DailyDemand,
    [property: Id(5)] double? DaysOfCover,
    [property: Id(6)] double? Turnover,
    [property: Id(7)] DateOnly? LastSale,
    [property: Id(8)] bool Overstock,
    [property: Id(9)] bool Dead);