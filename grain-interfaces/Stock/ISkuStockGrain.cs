using OrderGrid.Common;

namespace OrderGrid.Stock;

/// <summary>Stock of one SKU in one warehouse, keyed <c>{warehouseId}/{sku}</c>. The only writer of that stock.</summary>
public interface ISkuStockGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<StockLevel> GetLevel();

    /// <summary>What is held or queued here for the order (zeros when nothing).</summary>
    [ReadOnly]
    Task<Allocation> AllocationFor(string orderId);

    /// <summary>Sets the order's demand here (idempotent by order id). Never reserves more than is available.</summary>
    Task<Allocation> Demand(StockDemand demand);

    /// <summary>Releases everything held or queued for the order. Releasing twice releases once.</summary>
    Task<Allocation> Release(string orderId);

    /// <summary>The order's reserved units leave the warehouse: on hand and reserved both drop. Idempotent.</summary>
    Task<int> Dispatch(string orderId);

    Task<Outcome<StockLevel>> Receive(StockReceipt receipt);

    Task<Outcome<StockLevel>> Adjust(StockAdjustment adjustment);
}