using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Api.Stock;

/// <summary>The planners' stock list: section <c>OrderGrid:Stock</c>.</summary>
public sealed class StockListOptions
{
    public const string Section = "OrderGrid:Stock";

    /// <summary>Available units at or below which a product is shown as low in a warehouse.</summary>
    [Range(0, 1_000_000)]
    public int LowStockThreshold { get; set; } = 10;
}