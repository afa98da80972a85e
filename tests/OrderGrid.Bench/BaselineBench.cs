using System.Globalization;
using System.Text.Json;

namespace OrderGrid.Bench;

/// <summary>PostgreSQL alone on this machine: pgbench's TPC-B and the single-row decrement at one client count.</summary>
internal static class BaselineBench
{
    public static async Task<int> Run(BenchArguments arguments)
    {
        var clients = arguments.Number("clients", 32);
        var seconds = arguments.Number("seconds", 15);
        await using var host = await BenchHost.Open(arguments, BenchHost.Inline);
        if (host.ConnectionString is not { } connection || host.BinDirectory is not { } bin)
        {
            throw new ArgumentException("baseline needs the database: give --connection with --url, or leave both out.");
        }

        var pgbench = new PgBench(connection, bin);
        Console.WriteLine($"pgbench TPC-B at {clients} clients for {seconds} s …");
        var tpcb = await pgbench.TpcB(clients, seconds);
        Console.WriteLine($"pgbench single-row decrement at {clients} clients for {seconds} s …");
        var singleRow = await pgbench.SingleRow(clients, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            | pgbench at {clients} clients | tps |
            |---|---|
            | TPC-B-like | {tpcb:N0} |
            | single row UPDATE … SET n = n - 1 WHERE n > 0 | {singleRow:N0} |
            """));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = "baseline",
            ["clients"] = clients,
            ["baseline_tpcb_tps"] = Math.Round(tpcb, 1),
            ["baseline_single_row_tps"] = Math.Round(singleRow, 1),
        }));
        return 0;
    }
}