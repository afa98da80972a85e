using OrderGrid.Common;

namespace OrderGrid.Stock;

/// <summary>A correction of on-hand stock by staff (count, damage, loss), always with a reason.</summary>
[GenerateSerializer, Immutable, Alias("og.stock-adjustment")]
public sealed record StockAdjustment(
    [property: Id(0)] int Delta,
    [property: Id(1)] string Reason,
    [property: Id(2)] Actor By,
    [property: Id(3)] string OperationId);