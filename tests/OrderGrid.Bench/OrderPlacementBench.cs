using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Bench;

/// <summary>
/// Places 3-line web orders through <c>POST /api/orders</c> from many concurrent clients for a fixed time, each with
/// its own Idempotency-Key (<c>--idempotency-keys no</c>: none, so the server mints each order id): orders per second and latency,
/// after a warm-up of the same load (<c>--warmup-seconds</c>, default 10; 0 measures a cold server). In its own silo it first defines 10,000 SKUs stocked in 3
/// warehouses; against <c>--url</c> it uses the catalog there. Afterwards the conservation check reads every
/// acknowledged order and every SKU it touched: on hand = available + reserved, nothing available below zero, and
/// (in its own silo) on hand unchanged and reserved = what the orders hold. Then pgbench's TPC-B at the same client
/// count on the same server, and the ratio.
/// </summary>
internal static class OrderPlacementBench
{
    private const int UnitsPerWarehouse = 1_000;

    public static async Task<int> Run(BenchArguments arguments)
    {
        var clients = arguments.Number("clients", 32);
        var duration = TimeSpan.FromSeconds(arguments.Number("seconds", 20));
        var warmup = TimeSpan.FromSeconds(arguments.Number("warmup-seconds", 10));
        var baselineSeconds = arguments.Number("baseline-seconds", 15);
        var keyed = arguments.Text("idempotency-keys", "yes") switch
        {
            "yes" => true,
            "no" => false,
            var other => throw new ArgumentException($"--idempotency-keys is yes or no, not '{other}'."),
        };
        await using var host = await BenchHost.Open(arguments);
        using var http = BenchHttp.Client(host.Url, clients, null);
        using var ops = BenchHttp.Client(host.Url, clients, host.StaffKey);

        var skus = host.Owned
            ? await BenchCatalog.Stock(host, ops, arguments.Number("skus", 10_000), UnitsPerWarehouse)
            : await CatalogSkus(http);
        Console.WriteLine($"{skus.Count:N0} SKUs; {clients} clients for {duration.TotalSeconds:F0} s against {host.Url}");

        var run = Guid.NewGuid().ToString("N")[..8];
        var warmedUp = new List<string>();
        if (warmup > TimeSpan.Zero)
        {
            // A long-running server has compiled its hot paths (tiered JIT) and sized its heaps; a fresh one spends
            // the first seconds doing so. Those seconds are run, checked for conservation, and not measured.
            var warming = Stopwatch.StartNew();
            var warm = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => Client(http, skus, $"{run}w", client, warmup, warming, keyed))));
            warmedUp.AddRange(warm.SelectMany(r => r.Placed));
            Console.WriteLine($"warm-up: {warmedUp.Count:N0} orders in {warming.Elapsed.TotalSeconds:F1} s, errors {warm.Sum(r => r.Errors):N0} (not measured)");
        }

        var activityBefore = await ServerActivity.Read(host, ops);
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(() => Client(http, skus, run, client, duration, stop, keyed))).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;
        var activity = await ServerActivity.Read(host, ops) - activityBefore;

        var latencies = new Latencies();
        foreach (var result in results)
        {
            latencies.AddRange(result.Latencies);
        }

        var placed = results.SelectMany(r => r.Placed).ToList();
        var errors = results.Sum(r => r.Errors);
        var statuses = results.SelectMany(r => r.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var perSecond = placed.Count / elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placed {placed.Count:N0} orders in {elapsed:F1} s: {perSecond:F0} orders/s; p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, p99.9 {latencies.Percentile(99.9):F1} ms; errors {errors:N0}"));
        Console.WriteLine($"statuses: {string.Join(", ", statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}"))}");

        Console.WriteLine($"conservation check over {placed.Count + warmedUp.Count:N0} orders (the warm-up's too) …");
        var conservation = await Conservation.Check(ops, [.. warmedUp, .. placed], host.Owned ? UnitsPerWarehouse : null, clients);
        Console.WriteLine(conservation.Summary);

        double? baseline = null;
        if (host.ConnectionString is { } connection && host.BinDirectory is { } bin && baselineSeconds > 0)
        {
            Console.WriteLine($"pgbench TPC-B at {clients} clients for {baselineSeconds} s …");
            baseline = await new PgBench(connection, bin).TpcB(clients, baselineSeconds);
        }

        var ratio = baseline is { } tps ? perSecond / tps : (double?)null;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | figure | value |
            |---|---|
            | orders acknowledged (201) | {placed.Count:N0} in {elapsed:F1} s → **{perSecond:N0} orders/s** |
            | latency | p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms, p99.9 {latencies.Percentile(99.9):F1} ms |
            | errors | {errors:N0} |
            | server | {host.Server}, {host.Storage} storage |
            | where time goes | {activity.Describe(placed.Count, "order", elapsed)} |
            | OrderGrid storage | {activity.DescribeStorage(placed.Count, "order")} |
            | rows written per order | {activity.Breakdown(placed.Count)} |
            | conservation | {(conservation.Ok ? "holds" : "BROKEN")} over {conservation.Stocks:N0} stock levels |
            | pgbench TPC-B tps | {(baseline is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : host.Storage == BenchHost.Memory ? "not measured (memory storage)" : "not measured (give --connection)")} |
            | ratio | {(ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "–")} |
            """));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["scenario"] = "orders",
            ["orders_per_second"] = Math.Round(perSecond, 1),
            ["p50_ms"] = Math.Round(latencies.Percentile(50), 2),
            ["p99_ms"] = Math.Round(latencies.Percentile(99), 2),
            ["p999_ms"] = Math.Round(latencies.Percentile(99.9), 2),
            ["errors"] = errors,
            ["conservation_ok"] = conservation.Ok,
            ["baseline_tpcb_tps"] = baseline is { } t ? Math.Round(t, 1) : null,
            ["ratio"] = ratio is { } q ? Math.Round(q, 3) : null,
            ["clients"] = clients,
            ["seconds"] = Math.Round(elapsed, 1),
            ["warmup_seconds"] = warmup.TotalSeconds,
            ["placed"] = placed.Count,
            ["server"] = host.Server,
            ["storage"] = host.Storage,
            ["pg_commits_per_order"] = activity.KnowsPostgres ? ServerActivity.Per(activity.Commits, placed.Count, 1) : null,
            ["pg_write_transactions_per_order"] = activity.KnowsPostgres ? ServerActivity.Per(activity.WriteTransactions, placed.Count) : null,
            ["server_cpu_ms_per_order"] = ServerActivity.Per(ServerActivity.Ms(activity.ServerCpu), placed.Count),
            ["postgres_cpu_ms_per_order"] = ServerActivity.Per(ServerActivity.Ms(activity.PostgresCpu), placed.Count),
            ["bench_cpu_ms_per_order"] = ServerActivity.Per(ServerActivity.Ms(activity.BenchCpu), placed.Count),
            ["storage_reads_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.Reads), placed.Count),
            ["storage_empty_reads_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.ReadsEmpty), placed.Count),
            ["storage_skipped_reads_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.ReadsSkipped), placed.Count),
            ["storage_read_round_trips_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.ReadBatches), placed.Count),
            ["idempotency_keys"] = keyed,
            ["storage_writes_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.Writes), placed.Count),
            ["storage_write_transactions_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.WriteBatches), placed.Count),
            ["stock_group_commits_per_order"] = ServerActivity.Per(activity.StorageCount(ServerActivity.StockCommits), placed.Count),
        }));
        return errors == 0 && conservation.Ok ? 0 : 1;
    }

    private static async Task<List<string>> CatalogSkus(HttpClient http)
    {
        var skus = new List<string>();
        for (var page = 1; ; page++)
        {
            var catalog = await http.GetFromJsonAsync<JsonObject>($"/api/catalog?page={page}&pageSize=200")
                ?? throw new InvalidOperationException("The catalog answered nothing.");
            var items = catalog["items"]!.AsArray();
            skus.AddRange(items.Select(item => (string)item!["sku"]!));
            if (items.Count < 200 || skus.Count >= (int)catalog["total"]!)
            {
                break;
            }
        }

        return skus.Count >= 3 ? skus : throw new InvalidOperationException("The catalog needs at least 3 products (run the silo with OrderGrid:Demo:Seed=true).");
    }

    private static async Task<ClientResult> Client(HttpClient http, List<string> skus, string run, int client, TimeSpan duration, Stopwatch clock, bool keyed)
    {
        var result = new ClientResult();
        var random = new Random(client);
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            var lines = random.GetItems(skus.ToArray(), 3).Distinct().Select(sku => new { sku, quantity = 1 }).ToArray();
            var customerId = $"bench-{run}-{client}-{n % 50}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
            {
                Content = JsonContent.Create(new
                {
                    customerId,
                    email = $"{customerId}@example.com",
                    channel = "web",
                    lines,
                    shipTo = new { name = "Bench Customer", line1 = "1 Load Street", city = "Leeds", postalCode = "LS1 1AA", country = "GB" },
                }),
            };
            if (keyed)
            {
                request.Headers.Add("Idempotency-Key", $"{run}-{client}-{n}");
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadFromJsonAsync<JsonObject>();
                result.Latencies.Add(Stopwatch.GetElapsedTime(started));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    result.Placed.Add((string)body!["id"]!);
                    var status = (string?)body?["status"] ?? "?";
                    result.Statuses[status] = result.Statuses.GetValueOrDefault(status) + 1;
                }
                else
                {
                    result.Errors++;
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
            {
                result.Errors++;
            }
        }

        return result;
    }

    private sealed class ClientResult
    {
        public Latencies Latencies { get; } = new();

        public Dictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

        public List<string> Placed { get; } = [];

        public int Errors { get; set; }
    }
}