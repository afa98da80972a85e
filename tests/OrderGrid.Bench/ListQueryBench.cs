using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Npgsql;

using OrderGrid.Api.Orders;
using OrderGrid.Silo.Migrations;

namespace OrderGrid.Bench;

/// <summary>
/// Times the queries behind <c>GET /api/orders</c> (the API's own <see cref="OrderSearch"/>) on a read model of
/// many orders. Fills it with synthetic orders first when it holds fewer than asked (once; reruns reuse them).
/// </summary>
internal static class ListQueryBench
{
    private const int FillChunk = 100_000;

    public static async Task<int> Run(BenchArguments arguments)
    {
        var orders = arguments.Number("orders", 1_000_000);
        var runs = arguments.Number("runs", 100);
        await using var dataSource = NpgsqlDataSource.Create(arguments.Text("connection"));

        var applied = await new Migrator(dataSource, MigratorScript.Embedded()).MigrateAsync();
        if (applied.Count > 0)
        {
            Console.WriteLine($"schema: applied {string.Join(", ", applied.Select(s => s.Name))}");
        }

        await Fill(dataSource, orders);
        var cases = await Cases(dataSource);
        var search = new OrderSearch(dataSource);

        Console.WriteLine();
        Console.WriteLine($"{"query",-34} {"matches",10} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, query) in cases)
        {
            var latencies = new Latencies();
            OrderListPage? page = null;
            for (var i = -5; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                page = await search.List(query, CancellationToken.None);
                if (i >= 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                }
            }

            var matches = page!.TotalIsExact ? page.Total.ToString("N0", CultureInfo.InvariantCulture) : $"{page.Total:N0}+";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {matches,10} {latencies.Percentile(50),8:F2} {latencies.Percentile(99),8:F2} {latencies.Percentile(100),8:F2}"));
            results[name] = new { p50 = Math.Round(latencies.Percentile(50), 2), p99 = Math.Round(latencies.Percentile(99), 2), total = page.Total, totalIsExact = page.TotalIsExact };
        }

        var total = await Scalar(dataSource, "SELECT count(*) FROM orders");
        Console.WriteLine(JsonSerializer.Serialize(new { scenario = "listquery", orders = total, runs, queries = results }));
        return 0;
    }

    private static async Task Fill(NpgsqlDataSource dataSource, int orders)
    {
        var have = await Scalar(dataSource, "SELECT count(*) FROM orders");
        if (have >= orders)
        {
            Console.WriteLine($"read model: {have:N0} orders already there");
            return;
        }

        string sql;
        using (var reader = new StreamReader(typeof(ListQueryBench).Assembly.GetManifestResourceStream("SyntheticOrders.sql")!))
        {
            sql = (await reader.ReadToEndAsync()).Replace("@first", "$1", StringComparison.Ordinal).Replace("@last", "$2", StringComparison.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        for (var first = have + 1; first <= orders; first += FillChunk)
        {
            var last = Math.Min(first + FillChunk - 1, orders);
            await using var command = dataSource.CreateCommand(sql);
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter { Value = first });
            command.Parameters.Add(new NpgsqlParameter { Value = last });
            await command.ExecuteNonQueryAsync();
            Console.WriteLine($"read model: {last:N0} of {orders:N0} synthetic orders ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        // Fresh statistics and visibility map: what a read model that has lived for a while has.
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE orders");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
        Console.WriteLine($"read model: filled and analysed in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The queries staff run, with values taken from the data so that each one finds something.</summary>
    private static async Task<List<(string Name, OrderListQuery Query)>> Cases(NpgsqlDataSource dataSource)
    {
        var customer = await Text(dataSource, "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
        var email = await Text(dataSource, "SELECT email FROM orders WHERE email IS NOT NULL ORDER BY placed_at DESC LIMIT 1 OFFSET 1000");
        var sku = await Text(dataSource, "SELECT skus[1] FROM orders ORDER BY placed_at DESC LIMIT 1 OFFSET 2000");
        var warehouse = await Text(dataSource, "SELECT warehouse_ids[1] FROM orders WHERE cardinality(warehouse_ids) > 0 LIMIT 1");
        var newest = await Scalar(dataSource, "SELECT extract(epoch FROM max(placed_at))::bigint FROM orders");
        var to = DateTimeOffset.FromUnixTimeSeconds(newest);

        return
        [
            ("newest first, no filter", Query()),
            ("status=Backordered", Query(Parse(status: "Backordered"))),
            ("status=Completed (broad)", Query(Parse(status: "Completed"))),
            ("status=Reserved,Processing", Query(Parse(status: "Reserved,Processing"))),
            ("customerId (busiest)", Query(Parse(customerId: customer))),
            ($"q=email local part", Query(Parse(q: email[..email.IndexOf('@', StringComparison.Ordinal)]))),
            ("q=sku", Query(Parse(q: sku))),
            ("warehouse + last 7 days", Query(Parse(warehouseId: warehouse, from: to.AddDays(-7).ToString("O", CultureInfo.InvariantCulture)))),
            ("channel=phone sort=-total", Query(Parse(channel: "phone", sort: "-total"))),
            ("deep page 1000 (offset 49,950)", Query(Parse(page: "1000"))),
        ];

        static OrderListQuery Query(OrderListQuery? query = null) => query ?? Parse()!;

        static OrderListQuery? Parse(
            string? status = null, string? channel = null, string? customerId = null, string? warehouseId = null,
            string? from = null, string? q = null, string? page = null, string? sort = null)
        {
            var (query, _) = OrderListQuery.Parse(status, channel, customerId, warehouseId, from, null, q, page, null, sort);
            return query ?? throw new InvalidOperationException("A benchmark query is not valid.");
        }
    }

    private static async Task<long> Scalar(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> Text(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}