namespace OrderGrid.AfterSales;

/// <summary>Goods of a return counted in at the warehouse, with their condition.</summary>
[GenerateSerializer, Immutable, Alias("og.received-line")]
public sealed record ReceivedLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity,
    [property: Id(2)] ReturnCondition Condition);