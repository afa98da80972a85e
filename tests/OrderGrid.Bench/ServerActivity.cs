using System.Diagnostics;

using Npgsql;

namespace OrderGrid.Bench;

/// <summary>
/// Where a run's time goes, from counters rather than guesses: PostgreSQL's committed transactions and WAL flushes
/// (<c>pg_stat_database</c>, <c>pg_stat_wal</c>) and the CPU time this process (load generator and, in its own
/// silo, OrderGrid) used.
/// </summary>
internal sealed record ServerActivity(long Commits, long WalSyncs, long WalBytes, TimeSpan ProcessCpu, IReadOnlyDictionary<string, long> GrainWrites)
{
    private static readonly Dictionary<string, long> None = [];

    public static async Task<ServerActivity> Read(string? connectionString)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (connectionString is null)
        {
            return new ServerActivity(0, 0, 0, cpu, None);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT sum(xact_commit)::bigint FROM pg_stat_database), wal_sync, wal_bytes::bigint FROM pg_stat_wal", connection);
        long commits, walSyncs, walBytes;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (commits, walSyncs, walBytes) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
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

        return new ServerActivity(commits, walSyncs, walBytes, cpu, writes);
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
        return new(after.Commits - before.Commits, after.WalSyncs - before.WalSyncs, after.WalBytes - before.WalBytes, after.ProcessCpu - before.ProcessCpu, writes);
    }

    /// <summary>One table row: per unit of work (order, reservation) and per second.</summary>
    public string Describe(int units, string unit, double seconds) =>
        units == 0
            ? "no work"
            : $"{Commits / (double)units:F1} PostgreSQL commits per {unit} ({Commits / seconds:N0}/s), {WalSyncs / seconds:N0} WAL flushes/s, "
              + $"{WalBytes / (double)units / 1024:F1} KiB WAL per {unit}; this process {ProcessCpu.TotalMilliseconds / units:F2} ms CPU per {unit} "
              + $"({ProcessCpu.TotalSeconds / seconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)";

    /// <summary>Writes per unit of work by grain type and read-model table, the most first.</summary>
    public string Breakdown(int units) =>
        units == 0
            ? "no work"
            : string.Join(", ", GrainWrites.Where(w => w.Value > 0).OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value / (double)units:F2}"));
}