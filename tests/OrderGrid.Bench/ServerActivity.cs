using System.Globalization;
using System.Text.RegularExpressions;

using Npgsql;

namespace OrderGrid.Bench;

/// <summary>
/// Where a run's time goes, from counters rather than guesses, read before and after the load:
/// <list type="bullet">
/// <item>PostgreSQL (when the database is known): committed transactions (<c>pg_stat_database.xact_commit</c>: reads
/// and writes, a pooled connection's reset included), write transactions (the advance of the next transaction id,
/// <c>pg_current_snapshot()</c>'s xmax: only a transaction that writes is given one), WAL flushes and bytes
/// (<c>pg_stat_wal</c>), grain-state writes by grain type (row versions) and the read model's row changes.</item>
/// <item>OrderGrid's own storage counters, scraped from the server's <c>/metrics</c> (docs/operations.md):
/// <c>ordergrid.storage.reads</c> (and how many found no state), and <c>ordergrid.storage.batch.size</c> by store —
/// for <c>grain-state</c> its count is the grain storage's write transactions and its sum the grain writes they
/// carried; for <c>stock</c>, the SKU group commits and the changes they carried. Memory storage has none of them.</item>
/// <item>CPU time (<see cref="ProcessCpu"/>): OrderGrid's process, PostgreSQL's processes and this one (the load
/// clients). Inline, OrderGrid and the clients share this process: it is reported as the server's.</item>
/// </list>
/// </summary>
internal sealed partial record ServerActivity(
    long Commits,
    long WriteTransactions,
    long WalSyncs,
    long WalBytes,
    TimeSpan? ServerCpu,
    TimeSpan? PostgresCpu,
    TimeSpan? BenchCpu,
    IReadOnlyDictionary<string, double> Storage,
    IReadOnlyDictionary<string, long> GrainWrites)
{
    public const string Reads = "reads";
    public const string ReadsEmpty = "reads without state";
    public const string ReadsSkipped = "reads skipped";
    public const string ReadBatches = "read round trips";
    public const string Writes = "writes";
    public const string WriteBatches = "write transactions";
    public const string StockCommits = "stock group commits";
    public const string StockChanges = "stock changes";

    private static readonly Dictionary<string, long> None = [];

    public bool KnowsPostgres { get; init; }

    public static async Task<ServerActivity> Read(BenchHost host, HttpClient ops)
    {
        ArgumentNullException.ThrowIfNull(host);
        var inline = host.ServerProcessId == Environment.ProcessId;
        var serverCpu = ProcessCpu.Of(host.ServerProcessId);
        var postgresCpu = ProcessCpu.OfTree(host.PostgresProcessId);
        var benchCpu = inline ? null : ProcessCpu.Of(Environment.ProcessId);
        var storage = await Scrape(ops);
        if (host.ConnectionString is not { } connectionString)
        {
            return new ServerActivity(0, 0, 0, 0, serverCpu, postgresCpu, benchCpu, storage, None);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT sum(xact_commit)::bigint FROM pg_stat_database),
                   pg_snapshot_xmax(pg_current_snapshot())::text::bigint, wal_sync, wal_bytes::bigint FROM pg_stat_wal
            """, connection);
        long commits, xmax, walSyncs, walBytes;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (commits, xmax, walSyncs, walBytes) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        // Grain state writes by grain type (each write bumps the row's version), and the read model's row changes.
        var writes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var byType = new NpgsqlCommand(
            """
            SELECT state_name, sum(version)::bigint FROM ordergrid_grain_state GROUP BY 1
            UNION ALL
            SELECT 'read model: ' || relname, (n_tup_ins + n_tup_upd)::bigint FROM pg_stat_user_tables
            WHERE relname NOT LIKE 'orleans%' AND relname <> 'ordergrid_grain_state'
            """, connection);
        await using (var reader = await byType.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                writes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new ServerActivity(commits, xmax, walSyncs, walBytes, serverCpu, postgresCpu, benchCpu, storage, writes) { KnowsPostgres = true };
    }

    /// <summary>
    /// The version of the grain's row in <c>ordergrid_grain_state</c>: PostgreSQL storage adds one on every write of
    /// that grain's state, so two readings apart are its writes in between (0 without PostgreSQL).
    /// </summary>
    public static async Task<long> StoredVersion(string? connectionString, string grainKey)
    {
        if (connectionString is null)
        {
            return 0;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(version), 0)::bigint FROM ordergrid_grain_state WHERE grain_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainKey });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static ServerActivity operator -(ServerActivity after, ServerActivity before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        var writes = after.GrainWrites.ToDictionary(w => w.Key, w => w.Value - before.GrainWrites.GetValueOrDefault(w.Key), StringComparer.Ordinal);
        var storage = after.Storage.ToDictionary(s => s.Key, s => s.Value - before.Storage.GetValueOrDefault(s.Key), StringComparer.Ordinal);
        return new(
            after.Commits - before.Commits,
            after.WriteTransactions - before.WriteTransactions,
            after.WalSyncs - before.WalSyncs,
            after.WalBytes - before.WalBytes,
            after.ServerCpu - before.ServerCpu,
            after.PostgresCpu - before.PostgresCpu,
            after.BenchCpu - before.BenchCpu,
            storage,
            writes)
        { KnowsPostgres = after.KnowsPostgres };
    }

    /// <summary>Per unit of work, rounded; null when not measured.</summary>
    public static double? Per(double? value, int units, int digits = 2) =>
        value is { } v && units > 0 ? Math.Round(v / units, digits) : null;

    public static double? Ms(TimeSpan? cpu) => cpu?.TotalMilliseconds;

    /// <summary>A storage counter of the server's <c>/metrics</c>, null when the server did not export it.</summary>
    public double? StorageCount(string name) => Storage.TryGetValue(name, out var value) ? value : null;

    /// <summary>Table rows: per unit of work (order, reservation) and per second.</summary>
    public string Describe(int units, string unit, double seconds)
    {
        if (units == 0)
        {
            return "no work";
        }

        var postgres = KnowsPostgres
            ? $"{Commits / (double)units:F1} PostgreSQL transactions per {unit} ({Commits / seconds:N0}/s), of which {WriteTransactions / (double)units:F2} wrote "
              + $"(the rest read or reset a connection); {WalSyncs / seconds:N0} WAL flushes/s, {WalBytes / (double)units / 1024:F1} KiB WAL per {unit}"
            : "PostgreSQL not measured";
        return $"{postgres}; CPU per {unit}: {Cpu("server", ServerCpu, units, seconds)}, {Cpu("PostgreSQL", PostgresCpu, units, seconds)}, "
            + $"{Cpu("bench", BenchCpu, units, seconds)}";
    }

    /// <summary>OrderGrid's storage counters per unit of work.</summary>
    public string DescribeStorage(int units, string unit)
    {
        if (units == 0 || Storage.Count == 0)
        {
            return "not exported (memory storage, or no /metrics)";
        }

        string Of(string name) => StorageCount(name) is { } v ? (v / units).ToString("F2", CultureInfo.InvariantCulture) : "–";
        return $"per {unit}: {Of(Reads)} grain reads ({Of(ReadsEmpty)} of grains with no state yet; {Of(ReadsSkipped)} more skipped, grains known new) in {Of(ReadBatches)} round trips, {Of(Writes)} grain writes in {Of(WriteBatches)} write transactions; "
            + $"{Of(StockCommits)} stock group commits carrying {Of(StockChanges)} changes";
    }

    /// <summary>Writes per unit of work by grain type and read-model table, the most first.</summary>
    public string Breakdown(int units) =>
        units == 0 || GrainWrites.Count == 0
            ? "not measured"
            : string.Join(", ", GrainWrites.Where(w => w.Value > 0).OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value / (double)units:F2}"));

    private static string Cpu(string who, TimeSpan? cpu, int units, double seconds) =>
        cpu is { } time
            ? $"{who} {time.TotalMilliseconds / units:F2} ms ({time.TotalSeconds / seconds:F2} cores)"
            : $"{who} –";

    /// <summary>OrderGrid's storage counters from the Prometheus text of <c>/metrics</c> (a staff key).</summary>
    private static async Task<Dictionary<string, double>> Scrape(HttpClient ops)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        string text;
        try
        {
            using var response = await ops.GetAsync(new Uri("/metrics", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return counts;
            }

            text = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            return counts;
        }

        foreach (var line in text.Split('\n'))
        {
            if (Sample().Match(line) is not { Success: true } sample)
            {
                continue;
            }

            var labels = sample.Groups["labels"].Value;
            var value = double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            var key = sample.Groups["name"].Value switch
            {
                "ordergrid_storage_reads_total" => labels.Contains("found=\"false\"", StringComparison.Ordinal) ? ReadsEmpty : null,
                "ordergrid_storage_reads_skipped_total" => ReadsSkipped,
                "ordergrid_storage_batch_size_count" when labels.Contains("store=\"grain-state-read\"", StringComparison.Ordinal) => ReadBatches,
                "ordergrid_storage_batch_size_count" when labels.Contains("store=\"grain-state\"", StringComparison.Ordinal) => WriteBatches,
                "ordergrid_storage_batch_size_sum" when labels.Contains("store=\"grain-state\"", StringComparison.Ordinal) => Writes,
                "ordergrid_storage_batch_size_count" when labels.Contains("store=\"stock\"", StringComparison.Ordinal) => StockCommits,
                "ordergrid_storage_batch_size_sum" when labels.Contains("store=\"stock\"", StringComparison.Ordinal) => StockChanges,
                _ => null,
            };
            if (sample.Groups["name"].Value == "ordergrid_storage_reads_total")
            {
                counts[Reads] = counts.GetValueOrDefault(Reads) + value;
            }

            if (key is not null)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        }

        if (counts.ContainsKey(Reads))
        {
            counts.TryAdd(ReadsEmpty, 0);
            counts.TryAdd(ReadsSkipped, 0);
            counts.TryAdd(ReadBatches, 0);
        }

        return counts;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})?\s+(?<value>[-+0-9.eE]+)")]
    private static partial Regex Sample();
}