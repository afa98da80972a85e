using System.Diagnostics;

using OrderGrid.Catalog;

using Spectre.Console;

namespace OrderGrid.Silo.Import;

/// <summary>
/// <c>import catalog FILE.csv</c>: validates every row first and imports nothing when one is bad; then defines each
/// product through its grain. A product whose name and price already match is left alone, so a second run changes nothing.
/// </summary>
public sealed class CatalogImport(IGrainFactory grains, IAnsiConsole console)
{
    private const int Parallelism = 16;

    public async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ValidatedRows<ProductLine> file;
        using (var reader = ImportFiles.OpenText(path, out _))
        {
            file = CatalogFile.Read(reader);
        }

        if (!file.IsValid)
        {
            console.BadRows($"{file.BadRows.Count:N0} bad row(s) in {path}: nothing was imported.", file.BadRows, file.BadRows.Count);
            return 1;
        }

        var defined = 0;
        var updated = 0;
        var unchanged = 0;
        var refused = new List<BadRow>();
        var done = 0;
        await console.WithProgress("Defining products", file.Rows.Count, async report =>
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(file.Rows, parallel, async (product, _) =>
            {
                var grain = grains.GetGrain<IProductGrain>(product.Sku);
                var existing = await grain.Get();
                if (existing is not null && existing.Name == product.Name && existing.UnitPrice == product.UnitPrice)
                {
                    Interlocked.Increment(ref unchanged);
                }
                else if ((await grain.Define(product.Name, product.UnitPrice)).Refusal is { } refusal)
                {
                    lock (refused)
                    {
                        refused.Add(new BadRow(product.Line, refusal.Message));
                    }
                }
                else
                {
                    Interlocked.Increment(ref existing is null ? ref defined : ref updated);
                }

                var count = Interlocked.Increment(ref done);
                report(count, $"Defining products ({count:N0} of {file.Rows.Count:N0})");
            });
            return true;
        });

        console.Summary("Catalog import", path,
        [
            ("products in the file", ImportConsole.Count(file.Rows.Count)),
            ("defined (new)", ImportConsole.Count(defined)),
            ("updated (name or price)", ImportConsole.Count(updated)),
            ("unchanged", ImportConsole.Count(unchanged)),
            ("refused", ImportConsole.Count(refused.Count)),
            ("time", ImportConsole.Seconds(Stopwatch.GetElapsedTime(started))),
        ]);
        if (refused.Count > 0)
        {
            console.BadRows($"{refused.Count:N0} product(s) refused:", [.. refused.OrderBy(r => r.Line)], refused.Count);
            return 1;
        }

        return 0;
    }
}