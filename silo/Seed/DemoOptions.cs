using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Silo.Seed;

/// <summary>Demo data: section <c>OrderGrid:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "OrderGrid:Demo";

    /// <summary>Seed the demo catalog and stock, and (on PostgreSQL) the sales history, after the silo starts (on in Development).</summary>
    public bool Seed { get; set; }

    /// <summary>The sales history the seed imports into an empty <c>sales_lines</c>; relative to the silo's folder.</summary>
    [Required]
    public string HistoryFile { get; set; } = Path.Combine("Seed", "history.csv.gz");
}