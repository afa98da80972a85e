using System.Diagnostics;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace OrderGrid.Silo.Migrations;

/// <summary>
/// Brings the schema up to date: applies each embedded script (<see cref="MigratorScript"/>) once, in file-name
/// order, each in its own transaction together with its row in <c>ordergrid_schema_version</c>. Every
/// transaction first takes one transaction-level advisory lock, so silos that start at the same moment apply
/// each script once between them (the others wait, then see it applied). An applied script whose text has
/// changed since is an error: write a new script instead.
/// </summary>
public sealed partial class Migrator
{
    /// <summary>The advisory lock key all OrderGrid migrators share (an arbitrary constant: "OGMIGRAT").</summary>
    public const long LockKey = 0x4F474D4947524154;

    public const string VersionTable = "ordergrid_schema_version";

    private readonly NpgsqlDataSource dataSource;
    private readonly IReadOnlyList<MigratorScript> scripts;
    private readonly ILogger logger;

    public Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
        : this(dataSource, MigratorScript.Embedded(), logger)
    {
    }

    public Migrator(NpgsqlDataSource dataSource, IReadOnlyList<MigratorScript> scripts, ILogger<Migrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(scripts);
        this.dataSource = dataSource;
        this.scripts = [.. scripts.OrderBy(script => script.Name, StringComparer.Ordinal)];
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public IReadOnlyList<MigratorScript> Scripts => scripts;

    /// <summary>Applies the pending scripts; answers the ones this call applied (none when the schema was current).</summary>
    public async Task<IReadOnlyList<MigratorScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var applied = await ReadAppliedAsync(connection, cancellationToken);
        Verify(applied);
        var done = new List<MigratorScript>();
        foreach (var script in scripts.Where(script => !applied.ContainsKey(script.Version)))
        {
            if (await ApplyAsync(connection, script, cancellationToken))
            {
                done.Add(script);
            }
        }

        foreach (var unknown in applied.Keys.Except(scripts.Select(script => script.Version)).Order())
        {
            LogUnknownVersion(logger, unknown, applied[unknown].Name);
        }

        LogMigrated(logger, done.Count, scripts.Count, clock.ElapsedMilliseconds);
        return done;
    }

    /// <summary>The scripts applied so far: version → (name, checksum). Creates the version table on first use.</summary>
    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"""
            CREATE TABLE IF NOT EXISTS {VersionTable} (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new Dictionary<int, (string, string)>();
        await using (var read = new NpgsqlCommand($"SELECT version, name, checksum FROM {VersionTable}", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private void Verify(Dictionary<int, (string Name, string Checksum)> applied)
    {
        var changed = scripts
            .Where(script => applied.TryGetValue(script.Version, out var row) && !string.Equals(row.Checksum, script.Checksum, StringComparison.Ordinal))
            .Select(script => $"{script.Name} (applied as {applied[script.Version].Name}, checksum {applied[script.Version].Checksum}; now {script.Checksum})")
            .ToList();
        if (changed.Count > 0)
        {
            throw new MigratorException(
                $"Applied migration scripts have changed since they were applied: {string.Join("; ", changed)}. "
                + "An applied script must never change: restore it and put the change in a new script with the next number.");
        }
    }

    // One transaction: lock, check again (another silo may have applied it while this one waited), run, record.
    private async Task<bool> ApplyAsync(NpgsqlConnection connection, MigratorScript script, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        await using (var check = new NpgsqlCommand($"SELECT checksum FROM {VersionTable} WHERE version = @version", connection, transaction))
        {
            check.Parameters.AddWithValue("version", script.Version);
            if (await check.ExecuteScalarAsync(cancellationToken) is string checksum)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                {
                    throw new MigratorException($"Migration {script.Name} was applied meanwhile with another checksum ({checksum}; this build has {script.Checksum}).");
                }

                return false;
            }
        }

        try
        {
            await using var run = new NpgsqlCommand(script.Sql, connection, transaction);
            await run.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigratorException(
                $"Migration {script.Name} failed and was rolled back: {exception.SqlState} {exception.MessageText}"
                + (exception.Position > 0 ? $" (at character {exception.Position})" : ""),
                exception);
        }

        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {VersionTable} (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("version", script.Version);
            record.Parameters.AddWithValue("name", script.Name);
            record.Parameters.AddWithValue("checksum", script.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, script.Name, clock.ElapsedMilliseconds);
        return true;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {Name} applied in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, string name, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date: {Applied} of {Total} migration scripts applied now, in {ElapsedMs} ms")]
    private static partial void LogMigrated(ILogger logger, int applied, int total, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has migration {Version} ({Name}), which this build does not know: a newer build migrated it")]
    private static partial void LogUnknownVersion(ILogger logger, int version, string name);
}