namespace OrderGrid.Silo.Warehouses;

/// <summary>One entry of <c>OrderGrid:Warehouses</c>.</summary>
public sealed class WarehouseSettings
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Lower numbers are tried first when sourcing an order.</summary>
    public int Priority { get; set; }
}