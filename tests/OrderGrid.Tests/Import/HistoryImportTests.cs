using System.Text.RegularExpressions;

using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Import;

/// <summary>The history import end to end against a real PostgreSQL (never skipped: see PostgresServer).</summary>
[Trait(Lane.Name, Lane.System)]
public sealed partial class HistoryImportTests : IAsyncLifetime, IDisposable
{
    private const string DailySales =
        "SELECT day::text, sku, warehouse_id, channel, source, quantity, cancelled_quantity, revenue, order_count FROM daily_sales ORDER BY source, day, sku";

    private static readonly string[] Sample =
    [
        HistorySample.Header,
        "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
        "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom",
        "536366,85123a,\"HEART, WRITTEN IN LOWER CASE\",4,2010-12-01 09:00:00,2.55,,United Kingdom",
        "536366,POST,POSTAGE,1,2010-12-01 09:00:00,18.00,,United Kingdom",
        "C536367,85123A,WHITE HANGING HEART,-2,2010-12-01 10:00:00,2.55,17850,United Kingdom",
        "536368,85123A,WHITE HANGING HEART,10,2010-12-02 11:00:00,2.40,12583,France",
        "A563186,B,Adjust bad debt,1,2010-12-02 12:00:00,-11062.06,,United Kingdom",
    ];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("og-history-");
    private readonly RecordingConsole console = new();
    private HistoryDatabase database = null!;

    public async Task InitializeAsync() => database = await HistoryDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    public void Dispose()
    {
        console.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_each_row_once_and_the_same_daily_sales()
    {
        var path = WriteGzip("sample.csv.gz", Sample);
        await database.Execute("INSERT INTO daily_sales VALUES ('2010-12-01', '85123A', 'uk-north', 'web', 'live', 3, 0, 7.65, 1)");

        var first = await Import(path);
        var afterFirst = await database.Rows(DailySales);
        var second = await Import(path);

        Assert.Equal((7L, 7L, 0L), (first.RowsRead, first.Inserted, first.AlreadyPresent));
        Assert.Equal((7L, 0L, 7L), (second.RowsRead, second.Inserted, second.AlreadyPresent));
        Assert.Equal(7, await database.Count("sales_lines"));
        Assert.Equal(
        [
            "2010-12-01|71053||web|import|6|0|20.34|1",
            "2010-12-01|85123A||web|import|10|2|25.50|2",
            "2010-12-02|85123A||web|import|10|0|24.00|1",
            "2010-12-01|85123A|uk-north|web|live|3|0|7.65|1",
        ], afterFirst);
        Assert.Equal(afterFirst, await database.Rows(DailySales));
    }

    [Fact]
    public async Task A_later_file_recomputes_only_the_days_it_adds_rows_to()
    {
        await Import(WriteGzip("sample.csv.gz", Sample));
        var later = await Import(WriteGzip("later.csv.gz",
        [
            HistorySample.Header,
            "536368,85123A,WHITE HANGING HEART,10,2010-12-02 11:00:00,2.40,12583,France",
            "536369,85123A,WHITE HANGING HEART,5,2010-12-02 15:00:00,2.40,12583,France",
        ]));

        Assert.Equal((1L, 1L, 1L), (later.Inserted, later.AlreadyPresent, later.DailySalesRows));
        Assert.Equal(
        [
            "2010-12-01|71053||web|import|6|0|20.34|1",
            "2010-12-01|85123A||web|import|10|2|25.50|2",
            "2010-12-02|85123A||web|import|15|0|36.00|2",
        ], await database.Rows(DailySales));
    }

    [Fact]
    public async Task The_quirks_of_the_data_are_classified_and_counted()
    {
        var result = await Import(WriteGzip("sample.csv.gz", Sample));

        Assert.Equal(
            (4L, 1L, 1L, 1L),
            (result.Count(SalesLineKind.Sale), result.Count(SalesLineKind.Cancellation), result.Count(SalesLineKind.NonProduct), result.Count(SalesLineKind.Adjustment)));
        Assert.Equal([new KeyValuePair<string, long>("POST", 1)], result.NonProductCodes);
        Assert.Equal((2, 2, 2), (result.Days, result.Skus, result.Customers));
        Assert.Equal(
            ["536365|1|85123A|sale", "536365|2|71053|sale", "536366|1|85123A|sale", "536366|2|POST|non-product", "536368|1|85123A|sale", "A563186|1|B|adjustment", "C536367|1|85123A|cancellation"],
            await database.Rows("SELECT invoice_no, line_no, stock_code, kind FROM sales_lines ORDER BY invoice_no, line_no"));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_the_line()
    {
        string[] lines = [.. Sample[..4], "536366,22423,CAKE STAND,1,2010-13-45 09:00:00,12.75,,United Kingdom", .. Sample[4..]];
        var path = Path.Combine(folder.FullName, "bad.csv");
        await File.WriteAllLinesAsync(path, lines);

        var exitCode = await new HistoryImport(database.DataSource, console.Console).RunAsync(path, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Matches(BadLine5(), console.Output);
        Assert.Equal(0, await database.Count("sales_lines"));
        Assert.Equal(0, await database.Count("daily_sales"));
    }

    private async Task<HistoryImportResult> Import(string path)
    {
        var result = await new HistoryImport(database.DataSource, console.Console).ImportAsync(path, null, CancellationToken.None);
        Assert.True(result.Imported, string.Join("; ", result.BadRows));
        return result;
    }

    private string WriteGzip(string name, string[] lines)
    {
        var path = Path.Combine(folder.FullName, name);
        HistorySample.WriteGzip(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [GeneratedRegex(@"\b5\b.*InvoiceDate '2010-13-45 09:00:00'")]
    private static partial Regex BadLine5();
}