using Npgsql;

using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>
/// Reads the grains whose wake-up time has passed with a query whose parameters are, in order, the service id, now
/// and the limit, and whose columns are the grain type and key: the one loop behind both stores of wake-up times
/// (<see cref="PostgresGrainStateStore"/> beside the state, <see cref="PostgresDueTable"/> for the AdoNet provider).
/// </summary>
internal static class DueQuery
{
    public static async Task<IReadOnlyList<DueGrain>> ReadAsync(
        NpgsqlDataSource dataSource, string sql, string serviceId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueGrain>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueGrain(reader.GetString(0), reader.GetString(1)));
        }

        return due;
    }
}