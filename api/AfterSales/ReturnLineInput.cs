namespace OrderGrid.Api.AfterSales;

/// <summary>A line of a return or of received goods: SKU, units, and (on receipt) their condition.</summary>
public sealed record ReturnLineInput(string? Sku, int? Quantity, OrderGrid.AfterSales.ReturnCondition? Condition = null);