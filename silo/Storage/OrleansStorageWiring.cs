using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Common;
using OrderGrid.Silo.Cluster;
using OrderGrid.Silo.Storage.GrainState;

using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Silo.Storage;

internal static class OrleansStorageWiring
{
    /// <summary>
    /// Grain storage and reminders. PostgreSQL: one grain storage provider per name (so that each can move to a
    /// database of its own later) plus the default — OrderGrid's <see cref="PostgresGrainStorage"/>, all sharing one
    /// <see cref="GrainStateWriter"/> so that the writes of different grains commit together, or with
    /// <c>OrderGrid:Storage:GrainStorage=AdoNet</c> the Orleans AdoNet provider on the shared
    /// <see cref="NpgsqlDataSource"/> — and AdoNet reminders. State is written with the Orleans binary serializer, which names types by
    /// their pinned <c>[Alias]</c> and fields by <c>[Id]</c>: renaming a class or an assembly keeps old rows readable.
    /// InMemory: memory storage and reminders; memory storage copies state with the same binary serializer (its own
    /// default, Newtonsoft JSON, cost about half the CPU of an order placed on InMemory, and could not read an
    /// immutable dictionary back).
    /// </summary>
    public static ISiloBuilder UseOrderGridStorage(this ISiloBuilder silo, StorageSetup storage, IEnumerable<string> providers)
    {
        if (!storage.UsesPostgres)
        {
            silo.AddMemoryGrainStorageAsDefault(ConfigureMemoryStorage);
            foreach (var provider in providers)
            {
                silo.AddMemoryGrainStorage(provider, ConfigureMemoryStorage);
            }

            silo.UseInMemoryReminderService();
            return silo;
        }

        if (storage.Options.UsesAdoNetGrainStorage)
        {
            silo.AddAdoNetGrainStorageAsDefault(ConfigureGrainStorage);
            foreach (var provider in providers)
            {
                silo.AddAdoNetGrainStorage(provider, ConfigureGrainStorage);
            }
        }
        else
        {
            foreach (var provider in providers.Prepend(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME))
            {
                silo.Services.AddGrainStorage(provider, static (services, name) => new PostgresGrainStorage(
                    name,
                    services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                    services.GetRequiredService<IGrainStateStore>(),
                    services.GetRequiredService<GrainStateWriter>(),
                    new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                    services.GetRequiredService<IActivatorProvider>(),
                    services.GetService<FreshGrainKeys>()));
            }
        }

        silo.UseAdoNetReminderService(options => options.Configure<NpgsqlDataSource>((reminders, dataSource) =>
        {
            reminders.Invariant = OrleansClusterWiring.NpgsqlInvariant;
            reminders.DataSource = dataSource;
        }));
        return silo;
    }

    private static void ConfigureMemoryStorage(OptionsBuilder<MemoryGrainStorageOptions> options) =>
        options.Configure<Serializer>((storage, serializer) => storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

    private static void ConfigureGrainStorage(OptionsBuilder<AdoNetGrainStorageOptions> options) =>
        options.Configure<NpgsqlDataSource, Serializer>((storage, dataSource, serializer) =>
        {
            storage.Invariant = OrleansClusterWiring.NpgsqlInvariant;
            storage.DataSource = dataSource;
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        });
}