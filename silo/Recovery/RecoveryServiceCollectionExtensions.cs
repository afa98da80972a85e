using Microsoft.Extensions.DependencyInjection.Extensions;

using Npgsql;

using OrderGrid.Orders;

namespace OrderGrid.Silo.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    /// <summary>
    /// The durable list of unfinished orders and its sweep, when the storage registered a PostgreSQL data source
    /// (Embedded or External mode); in InMemory mode nothing outlives the process and the grains keep the no-op list.
    /// Call it after the storage registration, among the hosted services that start after the silo.
    /// </summary>
    public static IServiceCollection AddOrderGridRecovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.AddSingleton<UnfinishedOrders>();
            services.Replace(ServiceDescriptor.Singleton<IUnfinishedOrders>(provider => provider.GetRequiredService<UnfinishedOrders>()));
            services.AddHostedService<UnfinishedOrdersSweep>();
        }

        return services;
    }
}