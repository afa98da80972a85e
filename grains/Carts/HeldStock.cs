namespace OrderGrid.Carts;

/// <summary>Units a cart hold keeps in one warehouse for one SKU.</summary>
[GenerateSerializer, Immutable, Alias("og.held-stock")]
public sealed record HeldStock(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] string Sku,
    [property: Id(2)] int Quantity);