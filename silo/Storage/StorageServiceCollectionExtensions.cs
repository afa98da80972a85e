using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Silo.Migrations;

namespace OrderGrid.Silo.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <paramref name="setup"/> needs. Embedded and External: an <see cref="NpgsqlDataSource"/>
    /// singleton (for Orleans, the read model and imports), the <see cref="Migrator"/>, and the hosted service that
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

        services.AddSingleton(sp =>
        {
            var connectionString = setup.Embedded is null ? setup.ConnectionString : sp.GetRequiredService<EmbeddedPostgres>().ConnectionString;
            var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "OrderGrid" };
            builder.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton(sp => new Migrator(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<Migrator>>()));
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}