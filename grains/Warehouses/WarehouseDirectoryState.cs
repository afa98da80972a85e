using System.Collections.Immutable;

namespace OrderGrid.Warehouses;

[GenerateSerializer, Alias("og.warehouse-directory-state")]
public sealed record WarehouseDirectoryState
{
    [Id(0)] public ImmutableArray<Warehouse> Warehouses { get; init; } = [];
}