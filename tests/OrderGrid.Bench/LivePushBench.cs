using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Microsoft.AspNetCore.Http.Connections;

namespace OrderGrid.Bench;

/// <summary>
/// Push latency of <c>/hubs/orders</c> (issue 4): K tracking clients follow N shipped orders (client k follows order
/// k mod N); carrier events are posted at R per second spread evenly over the orders. Latency is from the moment an
/// event's HTTP call was sent to the moment each follower of its order received the push that shows it; a delivery
/// still missing some seconds after the last answer is lost. Latency is also measured from the moment the API
/// acknowledged the event (its HTTP answer arrived): the push's own cost. A change is pushed as soon as it commits,
/// which is before the HTTP answer has travelled back, so a push may arrive before the answer: those count as 0 ms
/// after the acknowledgment, and their share is reported apart. When the API cannot keep up, due events wait for a free
/// sender: that wait is not in the latency but shows as the send delay and a lower achieved rate (acknowledged events
/// over the time from the first call to the last answer).
/// </summary>
internal static class LivePushBench
{

    private const int SliceSeconds = 5;

    private static readonly JsonSerializerOptions Report = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> Run(BenchArguments arguments)
    {
        await using var host = await BenchHost.Open(arguments);
        var url = host.Url;
        var clients = arguments.Number("clients", 1000);
        var orderCount = arguments.Number("orders", clients);
        var rate = arguments.Number("rate", 500);
        var seconds = arguments.Number("seconds", 20);
        var senders = arguments.Number("senders", 64);
        var setupConcurrency = arguments.Number("setup-concurrency", 32);
        var grace = TimeSpan.FromSeconds(arguments.Number("grace", 10));
        var warmup = arguments.Number("warmup-seconds", 10);
        var transport = Transport(arguments.Text("transport", "websockets"));
        if (clients < 1 || orderCount < 1 || rate < 1 || seconds < 1 || senders < 1 || setupConcurrency < 1)
        {
            throw new ArgumentException("--clients, --orders, --rate, --seconds, --senders and --setup-concurrency must be at least 1.");
        }

        FileDescriptors.Check(clients);
        var run = Guid.NewGuid().ToString("N")[..8];
        var marker = $"Bench {run} #";

        using var ops = BenchHttp.Client(url, Math.Max(senders, setupConcurrency), host.StaffKey);
        using var customers = BenchHttp.Client(url, setupConcurrency, null);
        Console.WriteLine($"run {run}: {clients:N0} {transport} clients over {orderCount:N0} orders, {rate} events/s for {seconds} s against {url}");

        var clock = Stopwatch.StartNew();
        var orders = await ShippedOrders.Create(ops, run, orderCount, setupConcurrency);
        var setupSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"setup: {orderCount:N0} orders shipped in {setupSeconds:F1} s");

        var followers = new OrderFollower[clients];
        try
        {
            clock.Restart();
            var hub = new Uri(url, "/hubs/orders");
            await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = setupConcurrency }, async (k, _) =>
                followers[k] = await OrderFollower.Follow(hub, transport, customers, orders[k % orderCount], k % orderCount, marker));
            var connectSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"connect: {clients:N0} clients connected, following and caught up in {connectSeconds:F1} s");

            if (warmup > 0)
            {
                // As orders does: a server in service has compiled its hot paths; the warm-up's events carry another
                // marker, so the followers do not count them.
                using var warm = new CarrierEventLoad(ops, orders, $"Bench {run}w #", rate, warmup, senders);
                await warm.Run();
                var warmAcknowledged = Enumerable.Range(0, warm.Count).Count(warm.Acknowledged);
                Console.WriteLine($"warm-up: {warmAcknowledged:N0} of {warm.Count:N0} events acknowledged in {warmup} s (not measured)");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            using var load = new CarrierEventLoad(ops, orders, marker, rate, seconds, senders);
            var elapsed = await load.Run();
            await AllDelivered(load, followers, grace);
            return Summarise(host, load, followers, elapsed, orderCount, rate, transport, setupSeconds, connectSeconds);
        }
        finally
        {
            await Parallel.ForEachAsync(followers.OfType<OrderFollower>(), new ParallelOptions { MaxDegreeOfParallelism = setupConcurrency }, async (f, _) => await f.DisposeAsync());
        }
    }

    private static int Summarise(
        BenchHost host,
        CarrierEventLoad load, OrderFollower[] followers, TimeSpan elapsed, int orderCount, int rate, HttpTransportType transport, double setupSeconds, double connectSeconds)
    {
        var latencies = new Latencies();
        var afterAnswer = new Latencies();
        var beforeAnswer = 0;
        var bySlice = Enumerable.Range(0, (load.Count / rate / SliceSeconds) + 1).Select(_ => new Latencies()).ToArray();
        var lost = 0;
        foreach (var follower in followers)
        {
            foreach (var n in load.AcknowledgedEventsOf(follower.Order))
            {
                if (follower.SeenAt(n) is { } seenAt)
                {
                    var latency = Stopwatch.GetElapsedTime(load.SentAt[n], seenAt);
                    latencies.Add(latency);
                    bySlice[n / rate / SliceSeconds].Add(latency);
                    var afterAcknowledgment = Stopwatch.GetElapsedTime(load.AnsweredAt[n], seenAt);
                    if (afterAcknowledgment < TimeSpan.Zero)
                    {
                        beforeAnswer++;
                        afterAcknowledgment = TimeSpan.Zero;
                    }

                    afterAnswer.Add(afterAcknowledgment);
                }
                else
                {
                    lost++;
                }
            }
        }

        var answers = new Latencies();
        var acknowledged = 0;
        for (var n = 0; n < load.Count; n++)
        {
            if (load.Acknowledged(n))
            {
                acknowledged++;
                answers.Add(Stopwatch.GetElapsedTime(load.SentAt[n], load.AnsweredAt[n]));
            }
        }

        var figures = new LiveFigures(
            Scenario: "live",
            Server: host.Server,
            Storage: host.Storage,
            Clients: followers.Length,
            Orders: orderCount,
            ChangesPerSecond: rate,
            AchievedChangesPerSecond: Math.Round(acknowledged / elapsed.TotalSeconds, 1),
            Seconds: Math.Round(elapsed.TotalSeconds, 1),
            Transport: transport.ToString(),
            P50Ms: Ms(latencies.Percentile(50)),
            P90Ms: Ms(latencies.Percentile(90)),
            P99Ms: Ms(latencies.Percentile(99)),
            MaxMs: Ms(latencies.Percentile(100)),
            Lost: lost,
            Deliveries: latencies.Count + lost,
            HttpErrors: load.Count - acknowledged,
            HttpP50Ms: Ms(answers.Percentile(50)),
            HttpP99Ms: Ms(answers.Percentile(99)),
            AfterAnswerP50Ms: Ms(afterAnswer.Percentile(50)),
            AfterAnswerP99Ms: Ms(afterAnswer.Percentile(99)),
            PushedBeforeAnswerShare: latencies.Count == 0 ? null : Math.Round(beforeAnswer / (double)latencies.Count, 3),
            SendDelayP99Ms: Ms(load.SendDelay.Percentile(99)),
            SkippedVersions: followers.Sum(f => f.SkippedVersions),
            DroppedConnections: followers.Count(f => f.Dropped),
            SetupSeconds: Math.Round(setupSeconds, 1),
            ConnectSeconds: Math.Round(connectSeconds, 1));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {acknowledged:N0} of {load.Count:N0} acknowledged in {elapsed.TotalSeconds:F1} s ({figures.AchievedChangesPerSecond} /s); HTTP p50 {figures.HttpP50Ms} ms, p99 {figures.HttpP99Ms} ms; send delay p99 {figures.SendDelayP99Ms} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pushes: {latencies.Count:N0} of {figures.Deliveries:N0} delivered; p50 {figures.P50Ms} ms, p90 {figures.P90Ms} ms, p99 {figures.P99Ms} ms, max {figures.MaxMs} ms; lost {lost:N0}; skipped versions {figures.SkippedVersions:N0}; dropped connections {figures.DroppedConnections:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"push after the API's answer (acknowledgment): p50 {figures.AfterAnswerP50Ms} ms, p99 {figures.AfterAnswerP99Ms} ms; {beforeAnswer:N0} pushes ({figures.PushedBeforeAnswerShare:P1}) arrived before the HTTP answer and count as 0 ms (a change is pushed when it commits, before the answer travels back)"));
        Console.WriteLine($"push p50 by when the event was due: {string.Join(", ", bySlice.Where(l => l.Count > 0).Select((l, i) => $"{i * SliceSeconds}-{(i + 1) * SliceSeconds} s {Ms(l.Percentile(50))} ms"))}");
        Console.WriteLine(JsonSerializer.Serialize(figures, Report));
        return figures.HttpErrors == 0 && lost == 0 ? 0 : 1;
    }

    /// <summary>Waits until every follower has seen every acknowledged event of its order, or until the grace time ends.</summary>
    private static async Task AllDelivered(CarrierEventLoad load, OrderFollower[] followers, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        var waiting = followers.ToList();
        while (deadline.Elapsed < grace)
        {
            waiting.RemoveAll(f => load.AcknowledgedEventsOf(f.Order).All(n => f.SeenAt(n) is not null));
            if (waiting.Count == 0)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private static HttpTransportType Transport(string name) => name.ToUpperInvariant() switch
    {
        "WEBSOCKETS" => HttpTransportType.WebSockets,
        "SSE" or "SERVERSENTEVENTS" => HttpTransportType.ServerSentEvents,
        "LONGPOLLING" => HttpTransportType.LongPolling,
        _ => throw new ArgumentException($"--transport: websockets, sse or longpolling, not '{name}'."),
    };

    private static double? Ms(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);

    private sealed record LiveFigures(
        string Scenario, string Server, string Storage, int Clients, int Orders, int ChangesPerSecond, double AchievedChangesPerSecond, double Seconds, string Transport,
        double? P50Ms, double? P90Ms, double? P99Ms, double? MaxMs, int Lost, int Deliveries, int HttpErrors, double? HttpP50Ms, double? HttpP99Ms,
        double? AfterAnswerP50Ms, double? AfterAnswerP99Ms, double? PushedBeforeAnswerShare, double? SendDelayP99Ms, int SkippedVersions, int DroppedConnections, double SetupSeconds, double ConnectSeconds);
}