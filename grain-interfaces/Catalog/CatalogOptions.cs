using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Catalog;

/// <summary>The catalog's settings: section <c>OrderGrid:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "OrderGrid:Catalog";

    /// <summary>
    /// The ISO 4217 code of the currency the catalog's prices are in (the demo catalog's are pounds sterling). The
    /// customer's views carry it, and the pages show amounts with its symbol.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "A three-letter ISO 4217 code such as GBP or EUR.")]
    public string Currency { get; set; } = "GBP";
}