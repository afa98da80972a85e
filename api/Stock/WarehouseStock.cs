using System.Collections.Immutable;

namespace OrderGrid.Api.Stock;

/// <summary>Stock of every product in one warehouse, lowest available first, for planners.</summary>
/// <param name="LowStockThreshold">A row is low when its available units are at or below this.</param>
public sealed record WarehouseStock(string WarehouseId, int LowStockThreshold, int Total, ImmutableArray<WarehouseStockRow> Items);