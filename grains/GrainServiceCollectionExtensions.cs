using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using OrderGrid.Orders;

namespace OrderGrid;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Per-silo services the grains need: the order change feed (consumers are registered by the host).</summary>
    public static IServiceCollection AddOrderGridGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IOrderChangeFeed, OrderChangeFeed>();
        return services;
    }
}