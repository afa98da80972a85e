using OrderGrid.Silo.Import;
using OrderGrid.Silo.Storage;

namespace OrderGrid.Silo.Commands;

/// <summary><c>import KIND FILE</c>: starts the host (silo with the configured storage), runs <see cref="ImportCommand"/>, stops the host.</summary>
internal static class ImportVerb
{
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        try
        {
            await app.StartAsync(app.Lifetime.ApplicationStopping);
        }
        catch (StorageStartupException exception)
        {
            await Console.Error.WriteLineAsync($"OrderGrid cannot start: {exception.Message}");
            return 1;
        }

        try
        {
            // Ctrl+C stops the host's lifetime, which cancels the import.
            return await ImportCommand.RunAsync(app.Services, [.. args], app.Lifetime.ApplicationStopping);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}