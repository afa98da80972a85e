using Npgsql;

using OrderGrid.Silo.Migrations;

namespace OrderGrid.Tests.Storage;

[Trait(Lane.Name, Lane.System)]
public sealed class MigratorTests
{
    /// <summary>The query keys the Orleans 10.4.x AdoNet providers look up, all of which 0001 must define.</summary>
    public static readonly TheoryData<string> OrleansQueryKeys = new(
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "InsertMembershipVersionKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey");

    [Fact]
    public void The_embedded_scripts_are_ordered_by_file_name_and_start_with_the_orleans_contract()
    {
        var scripts = MigratorScript.Embedded();

        Assert.Equal("0001_orleans.sql", scripts[0].Name);
        Assert.Equal(scripts.Select(s => s.Name).Order(StringComparer.Ordinal), scripts.Select(s => s.Name));
        Assert.Equal(scripts.Count, scripts.Select(s => s.Version).Distinct().Count());
    }

    [Fact]
    public async Task Applying_twice_changes_nothing()
    {
        var server = await PostgresServer.Shared;
        await using var dataSource = PostgresServer.DataSource(await server.CreateDatabaseAsync("migrate_twice"));
        var migrator = new Migrator(dataSource, MigratorScript.Embedded());

        var first = await migrator.MigrateAsync();
        var schema = await Snapshot(dataSource);
        var second = await migrator.MigrateAsync();

        Assert.Equal(MigratorScript.Embedded().Select(s => s.Name), first.Select(s => s.Name));
        Assert.Empty(second);
        Assert.Equal(schema, await Snapshot(dataSource));
    }

    [Fact]
    public async Task Two_migrators_starting_together_on_a_fresh_database_both_succeed_and_apply_each_script_once()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("migrate_race");
        await using var one = PostgresServer.DataSource(connectionString);
        await using var two = PostgresServer.DataSource(connectionString);
        var scripts = MigratorScript.Embedded();

        var results = await Task.WhenAll(
            Task.Run(() => new Migrator(one, scripts).MigrateAsync()),
            Task.Run(() => new Migrator(two, scripts).MigrateAsync()));

        Assert.Equal(scripts.Count, results.Sum(applied => applied.Count));
        Assert.Equal(scripts.Select(s => s.Name).Order(StringComparer.Ordinal), results.SelectMany(applied => applied).Select(s => s.Name).Order(StringComparer.Ordinal));
        await using var count = one.CreateCommand($"SELECT count(*), count(DISTINCT version) FROM {Migrator.VersionTable}");
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(scripts.Count, reader.GetInt64(0));
        Assert.Equal(scripts.Count, reader.GetInt64(1));
    }

    [Fact]
    public async Task An_applied_script_that_changed_is_refused_with_its_name()
    {
        var server = await PostgresServer.Shared;
        await using var dataSource = PostgresServer.DataSource(await server.CreateDatabaseAsync("migrate_changed"));
        var scripts = MigratorScript.Embedded();
        await new Migrator(dataSource, scripts).MigrateAsync();
        var edited = scripts.Select(s => s.Version == 1 ? s with { Sql = s.Sql + "\n-- edited after it was applied\n" } : s).ToList();

        var refused = await Assert.ThrowsAsync<MigratorException>(() => new Migrator(dataSource, edited).MigrateAsync());

        Assert.Contains("0001_orleans.sql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("new script", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_and_not_recorded()
    {
        var server = await PostgresServer.Shared;
        await using var dataSource = PostgresServer.DataSource(await server.CreateDatabaseAsync("migrate_fail"));
        var scripts = new[]
        {
            MigratorScript.Parse("0001_good.sql", "CREATE TABLE good (id int);"),
            MigratorScript.Parse("0002_bad.sql", "CREATE TABLE half (id int); SELECT no_such_column FROM good;"),
        };

        var failed = await Assert.ThrowsAsync<MigratorException>(() => new Migrator(dataSource, scripts).MigrateAsync());

        Assert.Contains("0002_bad.sql", failed.Message, StringComparison.Ordinal);
        await using var check = dataSource.CreateCommand(
            $"SELECT (SELECT string_agg(name, ',') FROM {Migrator.VersionTable}), to_regclass('half') IS NULL, to_regclass('good') IS NOT NULL");
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("0001_good.sql", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Theory]
    [MemberData(nameof(OrleansQueryKeys))]
    public async Task The_orleans_contract_defines_every_query_key_the_providers_read(string key)
    {
        var server = await PostgresServer.Shared;
        await using var dataSource = PostgresServer.DataSource(await Contract.Value);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM OrleansQuery WHERE QueryKey = $1");
        command.Parameters.AddWithValue(key);

        Assert.NotNull(server);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private static readonly Lazy<Task<string>> Contract = new(async () =>
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("contract");
        await using var dataSource = PostgresServer.DataSource(connectionString);
        await new Migrator(dataSource, MigratorScript.Embedded()).MigrateAsync();
        return connectionString;
    });

    // Tables, columns, indexes, functions, the Orleans queries and the version rows: what a second run must not touch.
    private static async Task<string> Snapshot(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT format('column %s.%s %s %s', table_name, column_name, data_type, is_nullable) AS line
                FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL SELECT format('index %s %s', indexname, indexdef) FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL SELECT format('function %s', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
                UNION ALL SELECT format('query %s %s', QueryKey, md5(QueryText)) FROM OrleansQuery
                UNION ALL SELECT format('version %s %s %s %s', version, name, checksum, applied_at) FROM ordergrid_schema_version
            ) lines
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}