using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

using Spectre.Console;

namespace OrderGrid.Silo.Import;

/// <summary>
/// <c>import stock FILE.csv</c>: validates every row (shape, known warehouse, known product) and imports nothing when
/// one is bad; then records each row as goods received. Each receipt's operation id is the file's SHA-256 and the
/// row's line, so running the same file again applies nothing twice, and a run that was interrupted is completed.
/// </summary>
public sealed class StockImport(IGrainFactory grains, IAnsiConsole console)
{
    private const int Parallelism = 16;

    public static string OperationId(string fileSha256, int line) => $"import:{fileSha256}:{line}";

    public async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        ValidatedRows<ReceiptLine> file;
        using (var reader = new StreamReader(new MemoryStream(content)))
        {
            file = StockFile.Read(reader);
        }

        var bad = file.BadRows.Concat(await UnknownWarehousesAndProducts(file.Rows)).OrderBy(r => r.Line).ToList();
        if (bad.Count > 0)
        {
            console.BadRows($"{bad.Count:N0} bad row(s) in {path}: nothing was imported.", bad, bad.Count);
            return 1;
        }

        var received = 0;
        var alreadyApplied = 0;
        long units = 0;
        var refused = new List<BadRow>();
        var done = 0;

        // One stock grain's receipts go in file order, one at a time, so that its on-hand level tells whether each applied.
        var byStock = file.Rows.GroupBy(r => StockKey.For(r.WarehouseId, r.Sku), StringComparer.Ordinal).ToList();
        await console.WithProgress("Receiving stock", file.Rows.Count, async report =>
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(byStock, parallel, async (receipts, _) =>
            {
                var grain = grains.GetGrain<ISkuStockGrain>(receipts.Key);
                var onHand = (await grain.GetLevel()).OnHand;
                foreach (var receipt in receipts)
                {
                    var outcome = await grain.Receive(new StockReceipt(
                        receipt.Quantity, receipt.Reason ?? $"import {Path.GetFileName(path)}", Actor.System, OperationId(sha256, receipt.Line)));
                    if (outcome.Refusal is { } refusal)
                    {
                        lock (refused)
                        {
                            refused.Add(new BadRow(receipt.Line, refusal.Message));
                        }
                    }
                    else if (outcome.Value!.OnHand == onHand)
                    {
                        Interlocked.Increment(ref alreadyApplied);
                    }
                    else
                    {
                        Interlocked.Increment(ref received);
                        Interlocked.Add(ref units, receipt.Quantity);
                    }

                    onHand = outcome.Value?.OnHand ?? onHand;
                    var count = Interlocked.Increment(ref done);
                    report(count, $"Receiving stock ({count:N0} of {file.Rows.Count:N0})");
                }
            });
            return true;
        });

        console.Summary("Stock import", path,
        [
            ("receipts in the file", ImportConsole.Count(file.Rows.Count)),
            ("received", ImportConsole.Count(received)),
            ("units received", ImportConsole.Count(units)),
            ("already applied (earlier run)", ImportConsole.Count(alreadyApplied)),
            ("warehouse/SKU pairs", ImportConsole.Count(byStock.Count)),
            ("refused", ImportConsole.Count(refused.Count)),
            ("time", ImportConsole.Seconds(Stopwatch.GetElapsedTime(started))),
        ]);
        if (refused.Count > 0)
        {
            console.BadRows($"{refused.Count:N0} receipt(s) refused:", [.. refused.OrderBy(r => r.Line)], refused.Count);
            return 1;
        }

        return 0;
    }

    private async Task<List<BadRow>> UnknownWarehousesAndProducts(IReadOnlyList<ReceiptLine> rows)
    {
        var warehouses = (await grains.GetGrain<IWarehouseDirectoryGrain>("default").List()).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var skus = rows.Select(r => r.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (sku, _) =>
        {
            if (await grains.GetGrain<IProductGrain>(sku).Get() is not null)
            {
                products[sku] = true;
            }
        });

        var bad = new List<BadRow>();
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            if (!warehouses.Contains(row.WarehouseId))
            {
                reasons.Add($"Warehouse '{row.WarehouseId}' is unknown (known: {string.Join(", ", warehouses.Order(StringComparer.Ordinal))}).");
            }

            if (!products.ContainsKey(row.Sku))
            {
                reasons.Add($"Product '{row.Sku}' is not in the catalog.");
            }

            if (reasons.Count > 0)
            {
                bad.Add(new BadRow(row.Line, string.Join(" ", reasons)));
            }
        }

        return bad;
    }
}