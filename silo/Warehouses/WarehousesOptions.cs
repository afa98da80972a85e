namespace OrderGrid.Silo.Warehouses;

/// <summary>The warehouses registered at every start: section <c>OrderGrid:Warehouses</c> (a list).</summary>
public sealed class WarehousesOptions
{
    public const string Section = "OrderGrid:Warehouses";

    public IList<WarehouseSettings> Warehouses { get; } = [];
}