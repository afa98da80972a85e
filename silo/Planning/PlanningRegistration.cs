using Microsoft.Extensions.DependencyInjection.Extensions;

using Npgsql;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;
using OrderGrid.Silo.Hosting;

namespace OrderGrid.Silo.Planning;

/// <summary>Registers planning with the host.</summary>
public static class PlanningRegistration
{
    /// <summary>
    /// Planning's settings, and its history and model store in PostgreSQL when the storage registered a data source
    /// (without one, model versions stay in memory and there is no history to learn from). Call it after
    /// <c>AddOrderGridGrains</c>.
    /// </summary>
    public static IServiceCollection AddOrderGridPlanning(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSettings<PlanningOptions>(PlanningOptions.Section);
        if (services.Any(s => s.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.TryAddSingleton<IPlanningData, PostgresPlanningData>();
            services.Replace(ServiceDescriptor.Singleton<IModelStore, PostgresModelStore>());
        }

        return services;
    }
}