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

    /// <summary>The level here and what is held or queued for the order, in one answer: what sourcing needs of each stock grain.</summary>
    [ReadOnly]
    Task<StockPosition> PositionFor(string orderId);

    /// <summary>Sets the order's demand here (idempotent by order id). Never reserves more than is available.</summary>
    Task<Allocation> Demand(StockDemand demand);

    /// <summary>Releases everything held or queued for the order. Releasing twice releases once.</summary>
    Task<Allocation> Release(string orderId);

    /// <summary>
    /// <paramref name="quantity"/> of the order's reserved units leave the warehouse (one pick list's line); the rest stay
    /// reserved. A retried <paramref name="dispatchId"/> (the pick list id) dispatches once. Answers what the order holds here now.
    /// </summary>
    Task<Allocation> Dispatch(string orderId, int quantity, string dispatchId);

    /// <summary>
    /// Adds goods on hand and fills waiting orders. Against a purchase order, lowers what it still owes; more than that
    /// is received all the same and closes it. Refused for an unknown (404) or closed (409) purchase order.
    /// </summary>
    Task<Outcome<StockLevel>> Receive(StockReceipt receipt);

    Task<Outcome<StockLevel>> Adjust(StockAdjustment adjustment);

    /// <summary>
    /// Records stock ordered from a supplier: it counts as incoming until received. Idempotent by id: the same id again
    /// answers the existing order and changes nothing; the same id with another quantity is refused (409).
    /// </summary>
    Task<Outcome<PurchaseOrder>> Expect(NewPurchaseOrder order);

    /// <summary>The open purchase orders, soonest expected first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PurchaseOrder>> PurchaseOrders();

    /// <summary>
    /// The day by which the open purchase orders bring what the order still waits for here, counting the orders filled
    /// before it (more urgent, then older); null when it waits for nothing here or they do not bring enough.
    /// </summary>
    [ReadOnly]
    Task<DateOnly?> ExpectedFor(string orderId);
}