using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Common;
using OrderGrid.Silo.Cluster;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Silo.Storage.GrainState;

using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderGrid.Silo.Storage;

public static class OrleansStorageWiring
{
    /// <summary>
    /// Grain storage and reminders. PostgreSQL: one grain storage provider per name (so that each can move to a
    /// database of its own later) plus the default — OrderGrid's <see cref="PostgresGrainStorage"/>, all sharing one
    /// <see cref="GrainStateWriter"/> so that the writes of different grains commit together, or with
    /// <c>OrderGrid:Storage:GrainStorage=AdoNet</c> the Orleans AdoNet provider on the shared
    /// <see cref="NpgsqlDataSource"/> — and AdoNet reminders. State is written with the Orleans binary serializer, which names types by
    /// their pinned <c>[Alias]</c> and fields by <c>[Id]</c>: renaming a class or an assembly keeps old rows readable.
    /// Every mode: the due-work scanner (<see cref="DueGrainScanner"/>), reading the wake-up times of states
    /// (<c>due_at</c> of OrderGrid's rows; <see cref="PostgresDueTable"/> beside AdoNet; <see cref="MemoryDueIndex"/>).
    /// InMemory: memory storage and reminders; memory storage copies state with the same binary serializer (its own
    /// default, Newtonsoft JSON, cost about half the CPU of an order placed on InMemory, and could not read an
    /// immutable dictionary back).
    /// </summary>
    public static ISiloBuilder UseOrderGridStorage(this ISiloBuilder silo, StorageSetup storage, IEnumerable<string> providers)
    {
        if (!storage.UsesPostgres)
        {
            return silo.UseOrderGridMemoryStorage(providers);
        }

        silo.UseDueWorkScanner();
        if (storage.Options.UsesAdoNetGrainStorage)
        {
            silo.Services.AddSingleton<IDueIndex>(services => new PostgresDueTable(services.GetRequiredService<NpgsqlDataSource>(), ServiceId(services)));
            silo.Services.AddSingleton<IDueGrainSource>(services => services.GetRequiredService<IDueIndex>());
            foreach (var provider in providers.Prepend(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME))
            {
                silo.AddAdoNetGrainStorage(provider, ConfigureGrainStorage);
                silo.Services.AddKeyedSingleton<IGrainStorage>(provider, static (services, name) => new DueIndexedGrainStorage(
                    AdoNetGrainStorageFactory.Create(services, (string)name!), services.GetRequiredService<IDueIndex>()));
            }
        }
        else
        {
            silo.Services.AddSingleton<IDueGrainSource>(services => new PostgresGrainStateStore(
                services.GetRequiredKeyedService<NpgsqlDataSource>(StorageServiceCollectionExtensions.GrainStateDataSource), ServiceId(services)));
            foreach (var provider in providers.Prepend(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME))
            {
                silo.Services.AddGrainStorage(provider, static (services, name) => new PostgresGrainStorage(
                    name,
                    services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                    services.GetRequiredService<GrainStateReader>(),
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

    /// <summary>
    /// Memory storage for every provider, each wrapped so that the wake-up times of its states are kept in this silo's
    /// <see cref="MemoryDueIndex"/>, the due-work scanner, and memory reminders: the InMemory mode, and every test cluster.
    /// </summary>
    public static ISiloBuilder UseOrderGridMemoryStorage(this ISiloBuilder silo, IEnumerable<string> providers)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseDueWorkScanner();
        silo.Services.AddSingleton<MemoryDueIndex>();
        silo.Services.AddSingleton<IDueGrainSource>(services => services.GetRequiredService<MemoryDueIndex>());
        foreach (var provider in providers.Prepend(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME))
        {
            silo.AddMemoryGrainStorage(provider, ConfigureMemoryStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(provider, static (services, name) => new DueIndexedGrainStorage(
                MemoryGrainStorageFactory.Create(services, (string)name!), services.GetRequiredService<MemoryDueIndex>()));
        }

        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>The silo's <see cref="DueGrainScanner"/>, started when the silo is active (settings: <see cref="DueWorkOptions"/>).</summary>
    private static void UseDueWorkScanner(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<DueWorkOptions>().BindConfiguration(DueWorkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<DueGrainScanner>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<DueGrainScanner>());
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

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