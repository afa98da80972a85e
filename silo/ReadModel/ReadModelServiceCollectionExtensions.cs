using Npgsql;

using OrderGrid.Orders;
using OrderGrid.Wall;

namespace OrderGrid.Silo.ReadModel;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the read-model writer as an order change consumer, and the wall's history, when the storage registered a PostgreSQL data source
    /// (Embedded or External mode); in InMemory mode there is no read model and nothing is added. Call it after
    /// the storage registration.
    /// </summary>
    public static IServiceCollection AddOrderGridReadModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.AddSingleton<IOrderChangeConsumer, ReadModelWriter>();
            services.AddSingleton<IOrderWallHistory, ReadModelWallHistory>();
        }

        return services;
    }
}