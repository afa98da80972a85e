using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Bench;

/// <summary>
/// Places 3-line web orders through <c>POST /api/orders</c> from many concurrent clients for a fixed time, over
/// the SKUs of <c>GET /api/catalog</c>, each with its own Idempotency-Key: orders per second and latency.
/// </summary>
internal static class OrderPlacementBench
{
    public static async Task<int> Run(BenchArguments arguments)
    {
        var url = new Uri(arguments.Text("url", "http://127.0.0.1:5080"));
        var clients = arguments.Number("clients", 32);
        var duration = TimeSpan.FromSeconds(arguments.Number("seconds", 20));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };

        var skus = await CatalogSkus(http);
        Console.WriteLine($"{skus.Count} catalog SKUs; {clients} clients for {duration.TotalSeconds:F0} s against {url}");

        var run = Guid.NewGuid().ToString("N")[..8];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(() => Client(http, skus, run, client, duration, stop))).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;

        var latencies = new Latencies();
        foreach (var result in results)
        {
            latencies.AddRange(result.Latencies);
        }

        var placed = results.Sum(r => r.Placed);
        var errors = results.Sum(r => r.Errors);
        var statuses = results.SelectMany(r => r.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var perSecond = placed / elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placed {placed:N0} orders in {elapsed:F1} s: {perSecond:F0} orders/s; p50 {latencies.Percentile(50):F1} ms, p99 {latencies.Percentile(99):F1} ms; errors {errors:N0}"));
        Console.WriteLine($"statuses: {string.Join(", ", statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}"))}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = "orders",
            url = url.ToString(),
            clients,
            seconds = Math.Round(elapsed, 1),
            placed,
            ordersPerSecond = Math.Round(perSecond, 1),
            p50 = Math.Round(latencies.Percentile(50), 2),
            p99 = Math.Round(latencies.Percentile(99), 2),
            errors,
            statuses,
        }));
        return errors == 0 ? 0 : 1;
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

    private static async Task<ClientResult> Client(HttpClient http, List<string> skus, string run, int client, TimeSpan duration, Stopwatch clock)
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
            request.Headers.Add("Idempotency-Key", $"{run}-{client}-{n}");
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadFromJsonAsync<JsonObject>();
                result.Latencies.Add(Stopwatch.GetElapsedTime(started));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    result.Placed++;
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

        public int Placed { get; set; }

        public int Errors { get; set; }
    }
}