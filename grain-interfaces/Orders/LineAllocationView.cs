namespace OrderGrid.Orders;

/// <summary>What one warehouse holds for one order line.</summary>
[GenerateSerializer, Immutable, Alias("og.line-allocation-view")]
public sealed record LineAllocationView(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] int Reserved,
    [property: Id(2)] int Backordered);