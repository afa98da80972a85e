namespace OrderGrid.Demo;

/// <summary>Stock the simulator has ordered from the supplier for one SKU in one warehouse, because orders wait for it.</summary>
/// <param name="OperationId">Makes a retried receipt harmless.</param>
/// <param name="Quantity">Decided at the first attempt, so that a retry delivers the same.</param>
internal sealed record SupplierDelivery(string WarehouseId, string Sku, DateTimeOffset DueAt, string OperationId, int? Quantity = null);