using System.Globalization;

using Npgsql;

using OrderGrid.Silo.Migrations;

namespace OrderGrid.Tests.Import;

/// <summary>A fresh, migrated database of its own on the test run's PostgreSQL server.</summary>
public sealed class HistoryDatabase : IAsyncDisposable
{
    private HistoryDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<HistoryDatabase> CreateAsync()
    {
        var server = await PostgresServer.Shared;
        var database = new HistoryDatabase(PostgresServer.DataSource(await server.CreateDatabaseAsync("history")));
        await new Migrator(database.DataSource, MigratorScript.Embedded()).MigrateAsync();
        return database;
    }

    public async Task<long> Count(string table)
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of the query, its columns joined by <c>|</c>, in the query's order.</summary>
    public async Task<List<string>> Rows(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async Task Execute(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}