using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using Npgsql;

namespace OrderGrid.Bench;

/// <summary>
/// PostgreSQL's own limits on this machine, measured with <c>pgbench</c> on the server OrderGrid uses, in a database
/// of its own: the TPC-B-like transaction, and a single-row <c>UPDATE … SET n = n - 1 WHERE n &gt; 0</c> — the
/// row-lock reservation of one hot SKU that order systems built on row locks run.
/// </summary>
internal sealed partial class PgBench(string connectionString, string binDirectory)
{
    private const string Database = "pgbench_baseline";

    /// <summary>TPC-B-like transactions per second at <paramref name="clients"/> clients (scale = clients, 1–100).</summary>
    public async Task<double> TpcB(int clients, int seconds)
    {
        await CreateDatabase();
        var scale = Math.Clamp(clients, 1, 100);
        Console.WriteLine($"pgbench: initialising TPC-B tables at scale {scale} …");
        await Run($"-i -q -s {scale} {Database}");
        var output = await Run($"-n -M prepared -c {clients} -j {Threads(clients)} -T {seconds} {Database}");
        return Tps(output);
    }

    /// <summary>Single-row decrement transactions per second at <paramref name="clients"/> clients, all on one row.</summary>
    public async Task<double> SingleRow(int clients, int seconds)
    {
        await CreateDatabase();
        await using (var connection = new NpgsqlConnection(For(Database)))
        {
            await connection.OpenAsync();
            await using var setup = new NpgsqlCommand(
                "DROP TABLE IF EXISTS hot_sku; CREATE TABLE hot_sku (sku text PRIMARY KEY, n integer NOT NULL); INSERT INTO hot_sku VALUES ('hot', 1000000000);",
                connection);
            await setup.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"ordergrid-hot-sku-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, "UPDATE hot_sku SET n = n - 1 WHERE sku = 'hot' AND n > 0;\n");
        try
        {
            var output = await Run($"-n -M prepared -f {script} -c {clients} -j {Threads(clients)} -T {seconds} {Database}");
            return Tps(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static int Threads(int clients) => Math.Clamp(clients, 1, Environment.ProcessorCount);

    private static double Tps(string output) =>
        TpsLine().Match(output) is { Success: true } match
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no tps:{Environment.NewLine}{output}");

    private string For(string database) => new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private async Task CreateDatabase()
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> Run(string arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(binDirectory, "pgbench"), $"-h {server.Host} -p {server.Port} -U {server.Username} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pgbench {arguments} failed:{Environment.NewLine}{text}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}