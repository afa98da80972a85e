using Npgsql;

using NpgsqlTypes;

using OrderGrid.Silo.Storage.Due;

namespace OrderGrid.Silo.Storage.GrainState;

/// <summary>Where one grain state lives: the service, the state's name (unique across grain classes) and the grain's key.</summary>
public readonly record struct GrainStateKey(string ServiceId, string StateName, string GrainKey)
{
    /// <summary>Ordinal order by service, state name, grain key: the order a batch locks its rows in.</summary>
    public static Comparison<GrainStateKey> Order { get; } = (a, b) =>
    {
        var byService = string.CompareOrdinal(a.ServiceId, b.ServiceId);
        if (byService != 0)
        {
            return byService;
        }

        var byState = string.CompareOrdinal(a.StateName, b.StateName);
        return byState != 0 ? byState : string.CompareOrdinal(a.GrainKey, b.GrainKey);
    };

    public override string ToString() => $"{StateName}/{GrainKey}";
}

/// <summary>
/// One state change: the new payload (<c>null</c> for a clear) on top of <paramref name="ExpectedVersion"/>, the
/// version the grain read or last wrote (<c>null</c>: the grain knows of no row, so the change inserts one).
/// <paramref name="DueAt"/> is the state's wake-up time (<see cref="OrderGrid.Common.IHasDueTime"/>; <c>null</c>: none),
/// written in the same statement as the payload; <paramref name="GrainType"/> the grain's type, which the due-work
/// scanner needs to name the grain again from the row (<c>null</c> keeps what the row has).
/// </summary>
public sealed record GrainStateChange(GrainStateKey Key, byte[]? Payload, int? ExpectedVersion, DateTimeOffset? DueAt = null, string? GrainType = null);

/// <summary>A grain with due work: its type and key, as the grain-state row names it.</summary>
public readonly record struct DueGrain(string GrainType, string GrainKey);

/// <summary>A stored state: its payload (<c>null</c> after a clear) and its version.</summary>
public sealed record StoredGrainState(byte[]? Payload, int Version);

/// <summary>Reads single grain states and commits batches of changes: what <see cref="GrainStateWriter"/> drives.</summary>
public interface IGrainStateStore
{
    /// <summary>The stored state, or <c>null</c> when the grain never wrote.</summary>
    Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default);

    /// <summary>The stored states of <paramref name="keys"/>, in their order (<c>null</c> where a grain never wrote).</summary>
    async Task<IReadOnlyList<StoredGrainState?>> ReadManyAsync(IReadOnlyList<GrainStateKey> keys, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(keys.Select(key => ReadAsync(key, cancellationToken)));

    /// <summary>
    /// Commits <paramref name="changes"/> in one transaction. Answers, per change in order, the new version, or
    /// <c>null</c> when the stored version was not the expected one (that change is not made; the others are).
    /// Throws when the transaction failed: then none of the changes were made.
    /// </summary>
    Task<IReadOnlyList<int?>> CommitAsync(IReadOnlyList<GrainStateChange> changes, CancellationToken cancellationToken = default);
}

/// <summary>The grains whose stored wake-up time has passed: what the due-work scanner reads.</summary>
public interface IDueGrainSource
{
    /// <summary>At most <paramref name="limit"/> grains whose wake-up time is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<DueGrain>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// <see cref="IGrainStateStore"/> on PostgreSQL (<c>ordergrid_grain_state</c>, migration 0006). A batch is one
/// <see cref="NpgsqlBatch"/>: one round trip, one implicit transaction (PostgreSQL runs the statements up to the
/// batch's single Sync as one transaction, so one commit and one WAL flush for the batch, and an error in any
/// statement undoes all of them). Each change is one conditional statement: an insert that does nothing when the row
/// exists, or an update of the row holding exactly the expected version; a statement that answers no row is a
/// conflict of that grain alone. Changes are sent in key order, so two silos' batches lock rows in the same order
/// and cannot deadlock. The statements are the same few texts every time and the data source prepares them
/// (auto-prepare) and keeps them across uses of a pooled connection (no reset on close). The same statement writes the
/// state's wake-up time (<c>due_at</c>, migration 0008), so it is exactly as durable as the state; <see cref="DueAsync"/>
/// reads the rows whose time has passed through a partial index.
/// </summary>
public sealed class PostgresGrainStateStore(NpgsqlDataSource dataSource, string serviceId = "") : IGrainStateStore, IDueGrainSource
{
    public const string Table = "ordergrid_grain_state";

    private const string ReadSql =
        $"SELECT payload, version FROM {Table} WHERE service_id = $1 AND state_name = $2 AND grain_key = $3";

    /// <summary>Many keys in one statement: a primary-key lookup per key, answered with the key's position (1-based).</summary>
    private const string ReadManySql =
        $"SELECT k.i, s.payload, s.version FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(service_id, state_name, grain_key, i) "
        + $"JOIN {Table} s ON s.service_id = k.service_id AND s.state_name = k.state_name AND s.grain_key = k.grain_key";

    private const string InsertSql =
        $"INSERT INTO {Table} (service_id, state_name, grain_key, payload, version, due_at, grain_type) VALUES ($1, $2, $3, $4, 1, $5, $6) "
        + "ON CONFLICT DO NOTHING RETURNING version";

    private const string UpdateSql =
        $"UPDATE {Table} SET payload = $4, version = version + 1, modified_on = now(), due_at = $6, grain_type = coalesce($7, grain_type) "
        + "WHERE service_id = $1 AND state_name = $2 AND grain_key = $3 AND version = $5 RETURNING version";

    private const string DueSql =
        $"SELECT grain_type, grain_key FROM {Table} WHERE service_id = $1 AND due_at <= $2 AND grain_type IS NOT NULL ORDER BY due_at LIMIT $3";

    /// <summary>
    /// A data source for grain state: the same server, with prepared statements kept across uses of a pooled
    /// connection (<c>No Reset On Close</c>: no <c>DISCARD ALL</c> before each reuse) and every statement used twice
    /// prepared (<c>Max Auto Prepare</c>). Nothing of ours sets session state on these connections.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, ILoggerFactory? loggerFactory)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = 8,
            AutoPrepareMinUsages = 2,
        };
        var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString) { Name = "OrderGrid grain state" };
        builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        AddKey(command.Parameters, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredGrainState(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.GetInt32(1));
    }

    /// <summary>One round trip for all of <paramref name="keys"/>: one key is the single-row read, more are one statement.</summary>
    public async Task<IReadOnlyList<StoredGrainState?>> ReadManyAsync(IReadOnlyList<GrainStateKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count <= 1)
        {
            return keys.Count == 0 ? [] : [await ReadAsync(keys[0], cancellationToken)];
        }

        await using var command = dataSource.CreateCommand(ReadManySql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.ServiceId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.GrainKey)] });
        var states = new StoredGrainState?[keys.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[reader.GetInt64(0) - 1] = new StoredGrainState(reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.GetInt32(2));
        }

        return states;
    }

    public async Task<IReadOnlyList<int?>> CommitAsync(IReadOnlyList<GrainStateChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return [];
        }

        // Key order (stable: two changes of one grain keep their order), answered in the callers' order.
        var order = Enumerable.Range(0, changes.Count).OrderBy(i => changes[i].Key, Comparer<GrainStateKey>.Create(GrainStateKey.Order)).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var index in order)
        {
            var change = changes[index];
            var command = new NpgsqlBatchCommand(change.ExpectedVersion is null ? InsertSql : UpdateSql);
            AddKey(command.Parameters, change.Key);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)change.Payload ?? DBNull.Value });
            if (change.ExpectedVersion is { } expected)
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expected });
            }

            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)change.DueAt?.ToUniversalTime() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)change.GrainType ?? DBNull.Value });

            batch.BatchCommands.Add(command);
        }

        var versions = new int?[changes.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            foreach (var index in order)
            {
                versions[index] = await reader.ReadAsync(cancellationToken) ? reader.GetInt32(0) : null;
                await reader.NextResultAsync(cancellationToken);
            }
        }

        return versions;
    }

    public Task<IReadOnlyList<DueGrain>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        DueQuery.ReadAsync(dataSource, DueSql, serviceId, now, limit, cancellationToken);

    private static void AddKey(NpgsqlParameterCollection parameters, GrainStateKey key)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.ServiceId });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainKey });
    }
}