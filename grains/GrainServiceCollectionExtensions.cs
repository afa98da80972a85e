using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Planning.Serving;
using OrderGrid.Waves;

namespace OrderGrid;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Per-silo services the grains need: the order change feed (consumers are registered by the host), the list of
    /// unfinished orders (durable only when the host registers one on its database), the hints of states with no row
    /// yet (<see cref="FreshGrainKeys"/>, followed by a grain storage that reads them), and the
    /// planning models this silo serves (kept in memory unless the host registers a store).
    /// </summary>
    public static IServiceCollection AddOrderGridGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IOrderChangeFeed, OrderChangeFeed>();
        services.TryAddSingleton<IUnfinishedOrders, NoUnfinishedOrders>();
        services.TryAddSingleton<FreshGrainKeys>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOrderChangeConsumer, PickQueueFanOut>());
        services.AddOptions<PlanningOptions>();
        services.TryAddSingleton<IModelStore, MemoryModelStore>();
        services.TryAddSingleton<ServingModels>();
        return services;
    }
}