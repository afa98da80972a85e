namespace OrderGrid.Silo.Import;

/// <summary>A goods-received row of a stock import file.</summary>
public sealed record ReceiptLine(int Line, string WarehouseId, string Sku, int Quantity, string? Reason);