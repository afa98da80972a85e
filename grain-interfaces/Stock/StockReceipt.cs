using OrderGrid.Common;

namespace OrderGrid.Stock;

/// <summary>Goods received into a warehouse.</summary>
/// <param name="OperationId">Makes a retried receipt harmless: the same id is applied once.</param>
/// <param name="PurchaseOrderId">The open purchase order these goods arrive against, when there is one: its outstanding units drop.</param>
[GenerateSerializer, Immutable, Alias("og.stock-receipt")]
public sealed record StockReceipt(
    [property: Id(0)] int Quantity,
    [property: Id(1)] string? Reason,
    [property: Id(2)] Actor By,
    [property: Id(3)] string OperationId,
    [property: Id(4)] string? PurchaseOrderId = null);