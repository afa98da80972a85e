using Npgsql;

using OrderGrid.Silo.Migrations;
using OrderGrid.Silo.Storage;

namespace OrderGrid.Silo.Commands;

/// <summary><c>migrate</c>: applies the pending schema scripts to the configured database (starting and stopping the embedded server in Embedded mode).</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var setup = services.GetRequiredService<StorageSetup>();
        if (!setup.UsesPostgres)
        {
            await Console.Error.WriteLineAsync(
                $"migrate needs PostgreSQL, but {StorageOptions.Section}:Mode is {setup.Options.Mode}: use {StorageModes.Embedded} or {StorageModes.External}.");
            return 2;
        }

        var embedded = services.GetService<EmbeddedPostgres>();
        try
        {
            if (embedded is not null)
            {
                await embedded.StartAsync(cancellationToken);
            }

            var migrator = services.GetRequiredService<Migrator>();
            var applied = await migrator.MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"The schema is up to date ({migrator.Scripts.Count} scripts)."
                : $"Applied {applied.Count} of {migrator.Scripts.Count} scripts: {string.Join(", ", applied.Select(script => script.Name))}.");
            return 0;
        }
        catch (Exception exception) when (exception is MigratorException or NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"migrate failed: {exception.Message}");
            return 1;
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.StopAsync(CancellationToken.None);
            }
        }
    }
}