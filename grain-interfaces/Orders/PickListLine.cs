namespace OrderGrid.Orders;

/// <summary>What to pick: SKU, quantity and the bin when the warehouse knows it.</summary>
[GenerateSerializer, Immutable, Alias("og.pick-list-line")]
public sealed record PickListLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] string? Location);