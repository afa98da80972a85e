using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Silo.Cluster;

using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrderGrid.Silo.Storage;

internal static class OrleansStorageWiring
{
    /// <summary>
    /// Grain storage and reminders. PostgreSQL: one AdoNet grain storage provider per name (so that each can move
    /// to a database of its own later) plus the default, and AdoNet reminders, all on the shared
    /// <see cref="NpgsqlDataSource"/>. State is written with the Orleans binary serializer, which names types by
    /// their pinned <c>[Alias]</c> and fields by <c>[Id]</c>: renaming a class or an assembly keeps old rows readable.
    /// InMemory: memory storage and reminders.
    /// </summary>
    public static ISiloBuilder UseOrderGridStorage(this ISiloBuilder silo, StorageSetup storage, IEnumerable<string> providers)
    {
        if (!storage.UsesPostgres)
        {
            silo.AddMemoryGrainStorageAsDefault();
            foreach (var provider in providers)
            {
                silo.AddMemoryGrainStorage(provider);
            }

            silo.UseInMemoryReminderService();
            return silo;
        }

        silo.AddAdoNetGrainStorageAsDefault(ConfigureGrainStorage);
        foreach (var provider in providers)
        {
            silo.AddAdoNetGrainStorage(provider, ConfigureGrainStorage);
        }

        silo.UseAdoNetReminderService(options => options.Configure<NpgsqlDataSource>((reminders, dataSource) =>
        {
            reminders.Invariant = OrleansClusterWiring.NpgsqlInvariant;
            reminders.DataSource = dataSource;
        }));
        return silo;
    }

    private static void ConfigureGrainStorage(OptionsBuilder<AdoNetGrainStorageOptions> options) =>
        options.Configure<NpgsqlDataSource, Serializer>((storage, dataSource, serializer) =>
        {
            storage.Invariant = OrleansClusterWiring.NpgsqlInvariant;
            storage.DataSource = dataSource;
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        });
}