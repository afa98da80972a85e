namespace OrderGrid.Warehouses;

/// <summary>A warehouse that ships orders. Lower priority numbers are tried first when sourcing.</summary>
[GenerateSerializer, Immutable, Alias("og.warehouse")]
public sealed record Warehouse(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Priority);