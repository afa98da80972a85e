using Npgsql;

using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>
/// The wake-up times of states kept by the Orleans AdoNet provider (<c>OrderGrid:Storage:GrainStorage=AdoNet</c>), which
/// cannot write them in the state's statement: table <c>ordergrid_due_work</c> (migration 0008), one row per grain
/// with due work, written around the state's write by <see cref="DueIndexedGrainStorage"/>.
/// </summary>
public sealed class PostgresDueTable(NpgsqlDataSource dataSource, string serviceId) : IDueIndex
{
    private const string SetSql =
        "INSERT INTO ordergrid_due_work (service_id, grain_type, grain_key, due_at) VALUES ($1, $2, $3, $4) "
        + "ON CONFLICT (service_id, grain_type, grain_key) DO UPDATE SET due_at = excluded.due_at";

    private const string ClearSql = "DELETE FROM ordergrid_due_work WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3";

    private const string DueSql =
        "SELECT grain_type, grain_key FROM ordergrid_due_work WHERE service_id = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3";

    public async Task SetAsync(DueGrain grain, DateTimeOffset dueAt)
    {
        await using var command = dataSource.CreateCommand(SetSql);
        AddGrain(command, grain);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = dueAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task ClearAsync(DueGrain grain)
    {
        await using var command = dataSource.CreateCommand(ClearSql);
        AddGrain(command, grain);
        await command.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<DueGrain>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        DueQuery.ReadAsync(dataSource, DueSql, serviceId, now, limit, cancellationToken);

    private void AddGrain(NpgsqlCommand command, DueGrain grain)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.GrainKey });
    }
}