using System.Text.Json;

using Npgsql;

using NpgsqlTypes;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;

namespace OrderGrid.Silo.Planning;

/// <summary>Model versions in <c>planning_models</c>: one row per training run, written once; the highest version serves.</summary>
public sealed class PostgresModelStore(NpgsqlDataSource database) : IModelStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string InsertSql = """
        INSERT INTO planning_models (trained_at, trained_from, trained_until, skus, customers, training_seconds, evaluation,
                                     demand_model, recommendations, segments)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        RETURNING version
        """;

    // The newest versions are kept; older ones go when a new one is stored.
    private const string RetentionSql = "DELETE FROM planning_models WHERE version <= $1 - $2";

    /// <summary>How many versions are kept.</summary>
    public const int Kept = 30;

    private const string LoadSql = """
        SELECT version, trained_at, trained_from, trained_until, skus, customers, training_seconds, evaluation::text,
               demand_model, recommendations, segments
        FROM planning_models WHERE version = $1
        """;

    public async Task<long> Add(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = model.Info;
        await using var command = database.CreateCommand(InsertSql);
        command.Parameters.Add(new() { Value = info.TrainedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = info.TrainedFrom });
        command.Parameters.Add(new() { Value = info.TrainedUntil });
        command.Parameters.Add(new() { Value = info.Skus });
        command.Parameters.Add(new() { Value = info.Customers });
        command.Parameters.Add(new() { Value = info.TrainingSeconds });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(info.Evaluation, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = model.Demand, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = (object?)model.Recommendations ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = (object?)model.Segments ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await using var retention = database.CreateCommand(RetentionSql);
        retention.Parameters.Add(new() { Value = version });
        retention.Parameters.Add(new() { Value = (long)Kept });
        await retention.ExecuteNonQueryAsync(cancellationToken);
        return version;
    }

    public async Task<long?> NewestVersion(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT max(version) FROM planning_models");
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    public async Task<StoredModel?> Load(long version, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(LoadSql);
        command.Parameters.Add(new() { Value = version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var info = new ModelVersionInfo(
            reader.GetInt64(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateOnly>(2),
            reader.GetFieldValue<DateOnly>(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            reader.GetDouble(6),
            JsonSerializer.Deserialize<ModelEvaluation>(reader.GetString(7), Json)!);
        return new StoredModel(
            info,
            reader.GetFieldValue<byte[]>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<byte[]>(10));
    }
}