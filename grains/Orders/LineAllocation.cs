namespace OrderGrid.Orders;

/// <summary>What one warehouse holds (and still owes) for one order line, as that warehouse last said.</summary>
[GenerateSerializer, Immutable, Alias("og.line-allocation")]
public sealed record LineAllocation(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] int Reserved,
    [property: Id(2)] int Backordered,
    [property: Id(3)] long Version);