namespace OrderGrid.Orders;

/// <summary>One step of a sourcing plan: ask this warehouse for this many units of this SKU.</summary>
public sealed record PlannedDemand(string WarehouseId, string Sku, int Quantity, bool Backorder);