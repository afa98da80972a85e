namespace OrderGrid.Stock;

/// <summary>The stock of one SKU in one warehouse and what it holds for one order, read together in one call.</summary>
[GenerateSerializer, Immutable, Alias("og.stock-position")]
public sealed record StockPosition(
    [property: Id(0)] StockLevel Level,
    [property: Id(1)] Allocation Held);