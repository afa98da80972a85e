using System.Collections.Immutable;

namespace OrderGrid.Warehouses;

/// <summary>The warehouses of the business, kept in sourcing order (priority, then id).</summary>
[GrainType("warehouse-directory")]
public sealed class WarehouseDirectoryGrain(
    [PersistentState("warehouses", "catalog")] IPersistentState<WarehouseDirectoryState> state) : Grain, IWarehouseDirectoryGrain
{
    public Task<ImmutableArray<Warehouse>> List() => Task.FromResult(state.State.Warehouses);

    public async Task Register(Warehouse warehouse)
    {
        var current = state.State.Warehouses;
        if (current.Contains(warehouse))
        {
            return;
        }

        state.State = new() { Warehouses = [.. current.Where(w => w.Id != warehouse.Id).Append(warehouse).OrderBy(w => w.Priority).ThenBy(w => w.Id, StringComparer.Ordinal)] };
        await state.WriteStateAsync();
    }
}