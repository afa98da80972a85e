using System.Collections.Immutable;

namespace OrderGrid.Warehouses;

/// <summary>The warehouses of the business (key <c>default</c>), in sourcing order.</summary>
public interface IWarehouseDirectoryGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<ImmutableArray<Warehouse>> List();

    /// <summary>Adds the warehouse or updates its name and priority.</summary>
    Task Register(Warehouse warehouse);
}