using OrderGrid.Warehouses;

namespace OrderGrid.Api.Warehouses;

/// <summary><c>/api/warehouses</c>: the warehouses that ship orders, in sourcing order.</summary>
public static class WarehouseEndpoints
{
    public static RouteGroupBuilder MapWarehouses(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Warehouses");

        group.MapGet("/", List)
            .AllowAnonymous()
            .WithName("ListWarehouses")
            .WithSummary("The warehouses (id, name, priority); lower priority is sourced first.")
            .Produces<Warehouse[]>();

        return group;
    }

    private static async Task<IResult> List(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWarehouseDirectoryGrain>("default").List());
}