using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Silo.Migrations;
using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Silo.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The key of the grain-state <see cref="NpgsqlDataSource"/> (<see cref="PostgresGrainStateStore.CreateDataSource"/>).</summary>
    public const string GrainStateDataSource = "grain-state";

    /// <summary>
    /// Registers what <paramref name="setup"/> needs. Embedded and External: an <see cref="NpgsqlDataSource"/>
    /// singleton (for Orleans, the read model and imports), the grain-state store and its writer (a data source of their
    /// own that keeps prepared statements), the <see cref="Migrator"/>, and the hosted service that
    /// starts the embedded server and migrates; Embedded also the <see cref="EmbeddedPostgres"/> launcher.
    /// InMemory: none of them. Call before <c>UseOrleans</c> so the database is up before the silo starts.
    /// </summary>
    public static IServiceCollection AddOrderGridStorage(this IServiceCollection services, StorageSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        services.AddSingleton(setup);
        services.AddSingleton(Options.Create(setup.Options));
        if (!setup.UsesPostgres)
        {
            return services;
        }

        if (setup.Embedded is { } embedded)
        {
            services.AddSingleton(sp => new EmbeddedPostgres(embedded, sp.GetService<ILogger<EmbeddedPostgres>>()));
        }

        string ConnectionString(IServiceProvider sp) =>
            (setup.Embedded is null ? setup.ConnectionString : sp.GetRequiredService<EmbeddedPostgres>().ConnectionString)!;
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(ConnectionString(sp)) { Name = "OrderGrid" };
            builder.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddKeyedSingleton(GrainStateDataSource, (sp, _) => PostgresGrainStateStore.CreateDataSource(ConnectionString(sp), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IGrainStateStore>(sp => new PostgresGrainStateStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(GrainStateDataSource)));
        services.AddSingleton(sp => new GrainStateReader(sp.GetRequiredService<IGrainStateStore>()));
        services.AddSingleton(sp => new GrainStateWriter(sp.GetRequiredService<IGrainStateStore>()));
        services.AddSingleton(sp => new Migrator(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<Migrator>>()));
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}