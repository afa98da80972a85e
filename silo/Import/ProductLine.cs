namespace OrderGrid.Silo.Import;

/// <summary>A product row of a catalog import file.</summary>
public sealed record ProductLine(int Line, string Sku, string Name, decimal UnitPrice);