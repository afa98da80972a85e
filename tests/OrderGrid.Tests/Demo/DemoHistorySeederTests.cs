using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Silo.Import;
using OrderGrid.Silo.Seed;
using OrderGrid.Tests.Import;

using Xunit.Abstractions;

namespace OrderGrid.Tests.Demo;

/// <summary>The demo history seed against a real PostgreSQL (never skipped: see PostgresServer).</summary>
[Trait(Lane.Name, Lane.System)]
public sealed class DemoHistorySeederTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    // Wednesday 2011-08-31 is the last day, as in the shipped history.
    private static readonly string[] Sample =
    [
        HistorySample.Header,
        "560001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-08-29 08:26:00,2.55,17850,United Kingdom",
        "560001,71053,WHITE METAL LANTERN,6,2011-08-29 08:26:00,3.39,17850,United Kingdom",
        "560001,POST,POSTAGE,1,2011-08-29 08:26:00,18.00,17850,United Kingdom",
        "C560002,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-08-30 10:00:00,2.55,17850,United Kingdom",
        "560003,22423,REGENCY CAKESTAND 3 TIER,2,2011-08-30 23:59:00,12.75,12583,France",
        "560004,85123A,WHITE HANGING HEART T-LIGHT HOLDER,12,2011-08-31 17:31:00,2.55,12583,France",
    ];

    private static readonly DateTimeOffset Wednesday = new(2025, 11, 26, 9, 30, 0, TimeSpan.Zero);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("og-demo-history-");
    private HistoryDatabase database = null!;

    public async Task InitializeAsync() => database = await HistoryDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData("2025-11-27T00:00:00Z", "2025-11-26")] // Thursday: yesterday is a Wednesday, like the file's last day.
    [InlineData("2025-11-26T23:59:59Z", "2025-11-25")] // Wednesday.
    [InlineData("2025-11-24T12:00:00Z", "2025-11-23")] // Monday: yesterday is a Sunday.
    [InlineData("2025-11-23T00:00:01Z", "2025-11-22")] // Sunday: yesterday is a Saturday, a day the shipped history never sells on.
    public async Task The_last_day_of_sales_is_yesterday_whatever_its_weekday(string now, string yesterday)
    {
        var result = await Seed(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), WriteSample());

        Assert.NotNull(result);
        Assert.Equal([yesterday], await database.Rows("SELECT max(invoiced_at AT TIME ZONE 'UTC')::date::text FROM sales_lines WHERE kind = 'sale'"));
        Assert.Equal([yesterday], await database.Rows("SELECT max(day)::text FROM daily_sales WHERE quantity > 0"));
    }

    [Fact]
    public async Task Every_row_moves_by_the_same_days_and_keeps_its_time_of_day()
    {
        var path = WriteSample();
        var result = await Seed(Wednesday, path);

        Assert.Equal((6L, 6L), (result!.RowsRead, result.Inserted));
        var original = OriginalTimes(path);
        var stored = await database.Rows("SELECT invoice_no, line_no, to_char(invoiced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM sales_lines");
        var shifts = stored
            .Select(row => row.Split('|'))
            .Select(row => DateTime.Parse(row[2], CultureInfo.InvariantCulture) - original[(row[0], int.Parse(row[1], CultureInfo.InvariantCulture))])
            .Distinct()
            .ToList();
        var shift = Assert.Single(shifts);

        // 2011-08-31 (the file's last day) to 2025-11-25 (yesterday): 5,200 days, 6 days short of whole weeks.
        Assert.Equal(TimeSpan.FromDays(5_200), shift);
    }

    [Fact]
    public async Task Seeding_twice_imports_nothing_more()
    {
        var path = WriteSample();
        await Seed(Wednesday, path);
        var lines = await database.Rows("SELECT * FROM sales_lines ORDER BY invoice_no, line_no");
        var daily = await database.Rows("SELECT * FROM daily_sales ORDER BY day, sku");

        // A week later, with another shift: the seed sees history and leaves it alone.
        var again = await Seed(Wednesday.AddDays(7), path);

        Assert.Null(again);
        Assert.Equal(lines, await database.Rows("SELECT * FROM sales_lines ORDER BY invoice_no, line_no"));
        Assert.Equal(daily, await database.Rows("SELECT * FROM daily_sales ORDER BY day, sku"));
    }

    [Fact]
    public async Task Two_silos_seeding_at_once_store_each_row_once()
    {
        var path = WriteSample();

        // The second may see the table still empty: the import's lock and row keys keep it from adding anything.
        await Task.WhenAll(Seed(Wednesday, path), Seed(Wednesday.AddDays(7), path));

        Assert.Equal(6, await database.Count("sales_lines"));
        Assert.Equal(5, await database.Count("daily_sales"));
    }

    [Fact]
    public async Task A_seed_stopped_half_way_leaves_nothing_and_the_next_start_imports_it_all()
    {
        var path = WriteSample();
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Seed(Wednesday, path, stopped.Token));
        Assert.Equal(0, await database.Count("sales_lines"));

        var result = await Seed(Wednesday, path);
        Assert.Equal(6L, result!.Inserted);
    }

    [Fact]
    public async Task Daily_sales_are_written_for_the_moved_days()
    {
        await Seed(Wednesday, WriteSample());

        Assert.Equal(
        [
            "2025-11-23|71053||web|import|6|0|20.34|1",
            "2025-11-23|85123A||web|import|6|0|15.30|1",
            "2025-11-24|22423||web|import|2|0|25.50|1",
            "2025-11-24|85123A||web|import|0|2|0.00|0",
            "2025-11-25|85123A||web|import|12|0|30.60|1",
        ], await database.Rows("SELECT day::text, sku, warehouse_id, channel, source, quantity, cancelled_quantity, revenue, order_count FROM daily_sales ORDER BY day, sku"));
    }

    [Fact]
    public async Task The_shipped_history_seeds_real_sales_of_the_catalog_products()
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;

        var result = await Seed(Wednesday, new DemoOptions().HistoryFile);

        output.WriteLine($"Seeded {result!.Inserted:N0} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (import {result.Elapsed.TotalSeconds:0.0} s, this process's CPU {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.0} s)");
        Assert.Equal((172_809L, 172_809L), (result.RowsRead, result.Inserted));
        var catalog = File.ReadLines(DemoCatalogSeeder.CatalogPath).Skip(1).Select(line => line.Split(',')[0]).ToHashSet();
        var skus = await database.Rows("SELECT DISTINCT sku FROM daily_sales WHERE source = 'import'");
        Assert.Equal(500, skus.Count);
        Assert.All(skus, sku => Assert.Contains(sku, catalog));
        // Seeded on a Wednesday: the history runs to Tuesday, yesterday, moved 5,200 days from 2010-12-01 – 2011-08-31.
        Assert.Equal(["2025-11-25|2"], await database.Rows("SELECT max(day)::text, extract(isodow FROM max(day)) FROM daily_sales"));
        Assert.Equal(["2025-02-25"], await database.Rows("SELECT min(day)::text FROM daily_sales"));
    }

    [Fact]
    public async Task The_silo_seeds_the_history_after_it_is_ready()
    {
        var path = WriteSample();
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("demohistory");
        await using var app = new PostgresApp(connectionString, ("OrderGrid:Demo:Seed", "true"), ("OrderGrid:Demo:HistoryFile", path));

        await app.StartedAsync();
        await app.Services.GetRequiredService<DemoHistory>().Ready.WaitAsync(TimeSpan.FromMinutes(1));

        await using var dataSource = PostgresServer.DataSource(connectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM sales_lines");
        Assert.Equal(6L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Without_PostgreSQL_the_history_is_ready_at_once()
    {
        var history = new DemoHistory();
        using var seeder = new DemoHistorySeeder(history, Options.Create(new DemoOptions { Seed = true }), TimeProvider.System, NullLogger<DemoHistorySeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);

        Assert.True(history.Ready.IsCompletedSuccessfully);
    }

    private async Task<HistoryImportResult?> Seed(DateTimeOffset now, string historyFile, CancellationToken cancellationToken = default)
    {
        using var seeder = new DemoHistorySeeder(
            new DemoHistory(),
            Options.Create(new DemoOptions { Seed = true, HistoryFile = historyFile }),
            new FakeTimeProvider(now),
            NullLogger<DemoHistorySeeder>.Instance,
            database.DataSource);
        return await seeder.SeedAsync(cancellationToken);
    }

    private string WriteSample()
    {
        var path = Path.Combine(folder.FullName, "history.csv.gz");
        HistorySample.WriteGzip(path, string.Join('\n', Sample) + "\n");
        return path;
    }

    private static Dictionary<(string Invoice, int Line), DateTime> OriginalTimes(string path)
    {
        using var reader = ImportFiles.OpenText(path, out _);
        return HistoryFile.ReadAll(reader).Rows.ToDictionary(line => (line.InvoiceNo, line.LineNo), line => line.InvoicedAt);
    }
}