namespace OrderGrid.Silo.Seed;

/// <summary>One product line of <c>catalog.csv</c>.</summary>
public sealed record CatalogRow(string Sku, string Name, decimal UnitPrice);