using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Spectre.Console;

namespace OrderGrid.Silo.Import;

/// <summary><c>import catalog|stock|history FILE</c>, run by the command line once the host (silo and storage) has started.</summary>
public static class ImportCommand
{
    public const string Usage = """
        Usage: import catalog FILE.csv      products (sku,name,unitPrice)
               import stock FILE.csv        goods received (warehouseId,sku,quantity[,reason])
               import history FILE.csv[.gz] past orders in the Online Retail format, into the sales history
        """;

    /// <param name="args">Everything after <c>import</c>, e.g. <c>["history", "file.csv.gz"]</c>.</param>
    /// <returns>0 when everything was imported (or already was), 1 when the file has bad rows or the import failed, 2 for a usage error.</returns>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken) =>
        RunAsync(services, args, AnsiConsole.Console, cancellationToken);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args is not [var kind, var path] || kind is not ("catalog" or "stock" or "history"))
        {
            console.WriteLine(Usage);
            return 2;
        }

        path = Resolve(path);
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]No file {path}.[/]");
            return 1;
        }

        if (kind == "history")
        {
            if (services.GetService<NpgsqlDataSource>() is not { } dataSource)
            {
                console.MarkupLine("[red]The history import writes to PostgreSQL: run it with OrderGrid:Storage:Mode Embedded or External.[/]");
                return 1;
            }

            return await new HistoryImport(dataSource, console).RunAsync(path, cancellationToken);
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        return kind == "catalog"
            ? await new CatalogImport(grains, console).RunAsync(path, cancellationToken)
            : await new StockImport(grains, console).RunAsync(path, cancellationToken);
    }

    // `dotnet run --project silo` runs in the project's folder; a relative path means the caller's shell folder ($PWD).
    private static string Resolve(string path) =>
        !Path.IsPathRooted(path) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && File.Exists(Path.Combine(shell, path))
            ? Path.Combine(shell, path)
            : path;
}