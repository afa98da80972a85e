using Npgsql;

using OrderGrid.Silo.Migrations;

namespace OrderGrid.Tests.ReadModel;

/// <summary>A fresh database of its own on the test PostgreSQL server, migrated with the silo's scripts.</summary>
public sealed class ReadModelDatabase : IAsyncDisposable
{
    private ReadModelDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates a database on the run's <see cref="PostgresServer"/> and migrates it.</summary>
    public static async Task<ReadModelDatabase> Create()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("readmodel");
        var database = new ReadModelDatabase(connectionString);
        await new Migrator(database.DataSource, MigratorScript.Embedded()).MigrateAsync();
        return database;
    }

    public async Task<long> Scalar(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rows as tuples of strings, for comparing whole tables.</summary>
    public async Task<List<string>> Rows(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}