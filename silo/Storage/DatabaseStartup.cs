using Npgsql;

using OrderGrid.Silo.Migrations;

namespace OrderGrid.Silo.Storage;

/// <summary>
/// Starts the embedded PostgreSQL server (Embedded mode) and applies pending migrations (when
/// <see cref="StorageSetup.MigrateOnStart"/>) before Orleans starts: it is registered before the silo, and
/// hosted services start in registration order and stop in reverse, so the server also outlives the silo.
/// </summary>
internal sealed partial class DatabaseStartup(StorageSetup setup, IServiceProvider services, ILogger<DatabaseStartup> logger) : IHostedService
{
    // Resolved now: on shutdown the container may already be disposing (a test host's entry point ends).
    private readonly EmbeddedPostgres? embedded = services.GetService<EmbeddedPostgres>();
    private readonly Migrator migrator = services.GetRequiredService<Migrator>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (embedded is not null)
            {
                LogStartingEmbedded(logger, embedded.DataDirectory);
                await embedded.StartAsync(cancellationToken);
            }
            else
            {
                var connection = new NpgsqlConnectionStringBuilder(setup.ConnectionString) { Password = null };
                LogExternal(logger, connection.ConnectionString);
            }

            if (setup.MigrateOnStart)
            {
                await migrator.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or MigratorException or NpgsqlException)
        {
            var what = embedded is null ? "PostgreSQL (External)" : $"PostgreSQL (Embedded, data folder {embedded.DataDirectory})";
            throw new StorageStartupException($"{what} is not ready: {exception.Message}", exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (embedded is not null)
        {
            await embedded.StopAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting PostgreSQL (embedded, data folder {DataDirectory})…")]
    private static partial void LogStartingEmbedded(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL (external): {ConnectionString} (password not shown)")]
    private static partial void LogExternal(ILogger logger, string connectionString);
}