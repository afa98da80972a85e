namespace OrderGrid.Planning.Serving;

/// <summary>
/// The sales history planning learns from (the read model: live orders and imported history). Days run from
/// <c>from</c> (inclusive) to <c>until</c> (exclusive).
/// </summary>
public interface IPlanningData
{
    /// <summary>Product sales per SKU and day over all warehouses and channels, cancellations taken off.</summary>
    Task<IReadOnlyList<ProductSale>> Demand(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    /// <summary>One SKU's product sales per day, over all warehouses.</summary>
    Task<IReadOnlyList<ProductSale>> Demand(string sku, DateOnly from, DateOnly until, CancellationToken cancellationToken);

    /// <summary>Product lines bought by known customers, one per basket and SKU.</summary>
    Task<IReadOnlyList<Purchase>> Purchases(DateOnly from, DateOnly until, CancellationToken cancellationToken);

    /// <summary>Units each warehouse shipped per SKU (live orders only: imported history has no warehouse).</summary>
    Task<IReadOnlyList<WarehouseSales>> WarehouseSales(DateOnly from, DateOnly until, CancellationToken cancellationToken);
}