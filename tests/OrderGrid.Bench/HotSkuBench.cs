using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Stock;

namespace OrderGrid.Bench;

/// <summary>
/// One SKU with 10,000 units on hand and 500 clients making 50,000 single-unit reservation attempts on it, straight
/// at its stock grain in the bench's own silo (durable PostgreSQL storage). Reservations per second is the sell-out
/// rate: the units reserved ÷ the time until the last of them was acknowledged. Then the same client count runs
/// pgbench's single-row decrement on the same server, the design the ratio is measured against.
/// </summary>
internal static class HotSkuBench
{
    public static async Task<int> Run(BenchArguments arguments)
    {
        var clients = arguments.Number("clients", 500);
        var attempts = arguments.Number("attempts", 50_000);
        var onHand = arguments.Number("units", 10_000);
        var baselineSeconds = arguments.Number("baseline-seconds", 15);
        if (arguments.Has("url"))
        {
            throw new ArgumentException("hotsku calls the SKU grain directly: it starts its own silo (leave out --url).");
        }

        await using var host = await BenchHost.Open(arguments, BenchHost.Inline);
        var grains = host.Grains ?? throw new ArgumentException("hotsku calls the SKU grain directly: it needs --server inline (the default here).");
        using var ops = BenchHttp.Client(host.Url, 2, host.StaffKey);
        var run = Guid.NewGuid().ToString("N")[..8];

        Console.WriteLine($"warming up on another SKU ({Math.Min(attempts, 5_000):N0} attempts) …");
        await Sellout(grains, host.ConnectionString, $"warm-{run}", clients, Math.Min(attempts, 5_000), Math.Min(onHand, 1_000));

        Console.WriteLine($"{clients} clients, {attempts:N0} single-unit attempts on one SKU with {onHand:N0} units …");
        var activityBefore = await ServerActivity.Read(host, ops);
        var result = await Sellout(grains, host.ConnectionString, $"hot-{run}", clients, attempts, onHand);
        var activity = await ServerActivity.Read(host, ops) - activityBefore;
        var level = result.Level;
        var oversold = Math.Max(0, level.Reserved - level.OnHand) + Math.Max(0, result.Acknowledged - onHand);
        var perSecond = result.Acknowledged / result.SelloutSeconds;

        Console.WriteLine($"pgbench single-row UPDATE … SET n = n - 1 WHERE n > 0 at {clients} clients for {baselineSeconds} s …");
        var baseline = await new PgBench(host.ConnectionString!, host.BinDirectory!).SingleRow(clients, baselineSeconds);
        var ratio = perSecond / baseline;

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | figure | value |
            |---|---|
            | reservations acknowledged | {result.Acknowledged:N0} of {attempts:N0} attempts ({result.Refused:N0} refused: sold out) |
            | sell-out time | {result.SelloutSeconds:F2} s → **{perSecond:N0} reservations/s** |
            | all attempts answered | {result.TotalSeconds:F2} s → {attempts / result.TotalSeconds:N0} attempts/s |
            | latency per attempt | p50 {result.Latencies.Percentile(50):F1} ms, p99 {result.Latencies.Percentile(99):F1} ms, p99.9 {result.Latencies.Percentile(99.9):F1} ms |
            | state writes | {result.Writes:N0} ({result.Acknowledged / (double)Math.Max(1, result.Writes):F0} reservations per write) |
            | where time goes | {activity.Describe(result.Acknowledged, "reservation", result.TotalSeconds)} |
            | stock after | on hand {level.OnHand:N0}, reserved {level.Reserved:N0}, available {level.Available:N0}; oversold {oversold} |
            | pgbench single-row tps | {baseline:N0} |
            | ratio | **{ratio:F1}×** |
            """));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = "hotsku",
            ["reservations_per_second"] = Math.Round(perSecond, 1),
            ["p99_ms"] = Math.Round(result.Latencies.Percentile(99), 2),
            ["reserved"] = level.Reserved,
            ["oversold"] = oversold,
            ["baseline_single_row_tps"] = Math.Round(baseline, 1),
            ["ratio"] = Math.Round(ratio, 2),
            ["clients"] = clients,
            ["attempts"] = attempts,
            ["attempts_per_second"] = Math.Round(attempts / result.TotalSeconds, 1),
            ["p50_ms"] = Math.Round(result.Latencies.Percentile(50), 2),
            ["writes"] = result.Writes,
        }));
        return oversold == 0 && level.Reserved == onHand && result.Acknowledged == onHand ? 0 : 1;
    }

    private static async Task<SelloutResult> Sellout(IGrainFactory grains, string? connectionString, string sku, int clients, int attempts, int onHand)
    {
        await grains.GetGrain<IProductGrain>(sku).Define($"Hot product {sku}", 25m);
        var stock = grains.GetGrain<ISkuStockGrain>(StockKey.For("uk-north", sku));
        await stock.Receive(new StockReceipt(onHand, "bench delivery", new Actor(ActorKind.Staff, "bench"), $"bench-{sku}"));
        var writesBefore = await ServerActivity.StoredVersion(connectionString, StockKey.For("uk-north", sku));

        var next = -1;
        var lastReservedAt = 0L;
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var latencies = new Latencies();
            var reserved = 0;
            for (var i = Interlocked.Increment(ref next); i < attempts; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var allocation = await stock.Demand(new StockDemand($"{sku}-{i:D6}", 1, Backorder: false, DateTimeOffset.UtcNow));
                latencies.Add(Stopwatch.GetElapsedTime(started));
                if (allocation.Reserved == 1)
                {
                    reserved++;
                    InterlockedMax(ref lastReservedAt, clock.ElapsedTicks);
                }
            }

            return (latencies, reserved);
        })));
        var total = clock.Elapsed.TotalSeconds;

        var all = new Latencies();
        foreach (var (latencies, _) in perClient)
        {
            all.AddRange(latencies);
        }

        var acknowledged = perClient.Sum(c => c.reserved);
        var selloutSeconds = (double)Interlocked.Read(ref lastReservedAt) / Stopwatch.Frequency;
        return new SelloutResult(acknowledged, attempts - acknowledged, selloutSeconds, total, all, await stock.GetLevel(), await ServerActivity.StoredVersion(connectionString, StockKey.For("uk-north", sku)) - writesBefore);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private sealed record SelloutResult(int Acknowledged, int Refused, double SelloutSeconds, double TotalSeconds, Latencies Latencies, StockLevel Level, long Writes);
}