using System.Diagnostics;

using Npgsql;

using NpgsqlTypes;

using Spectre.Console;

namespace OrderGrid.Silo.Import;

/// <summary>
/// Loads a sales history file into <c>sales_lines</c> and recomputes the imported <c>daily_sales</c> of its days,
/// all in one transaction: a bad row anywhere, an error or a cancellation leaves the database as it was. Rows
/// stream from the file into a binary COPY, so memory stays flat whatever the file size. Re-importing a file
/// inserts nothing (rows are keyed by invoice and position) and rewrites the same daily figures.
/// </summary>
public sealed class HistoryImport(NpgsqlDataSource dataSource, IAnsiConsole console)
{
    /// <summary>For imports without a console of their own (<see cref="ImportAsync(string, int, Action{ImportProgress}?, CancellationToken)"/>).</summary>
    public HistoryImport(NpgsqlDataSource dataSource)
        : this(dataSource, AnsiConsole.Console)
    {
    }

    public const int MaxBadRowsKept = 1_000;

    private const int ProgressEvery = 4_096;

    private const int NonProductCodesShown = 10;

    private const string StageSql = """
        SELECT pg_advisory_xact_lock(hashtext('ordergrid:history-import'));
        SET LOCAL work_mem = '64MB';
        CREATE TEMP TABLE import_sales_lines (LIKE sales_lines) ON COMMIT DROP;
        """;

    private const string CopySql = """
        COPY import_sales_lines (invoice_no, line_no, stock_code, description, quantity, invoiced_at, unit_price, customer_id, country, kind)
        FROM STDIN (FORMAT BINARY)
        """;

    // Only the days that gained rows are recomputed: re-importing a file changes nothing, so it rewrites nothing.
    private const string InsertSql = """
        CREATE TEMP TABLE import_days (day date PRIMARY KEY, lines bigint NOT NULL) ON COMMIT DROP;
        WITH inserted AS (
            INSERT INTO sales_lines SELECT * FROM import_sales_lines
            ON CONFLICT (invoice_no, line_no) DO NOTHING
            RETURNING invoiced_at)
        INSERT INTO import_days SELECT (invoiced_at AT TIME ZONE 'UTC')::date, count(*) FROM inserted GROUP BY 1;
        SELECT coalesce(sum(lines), 0)::bigint FROM import_days;
        """;

    // Days are UTC dates, the dates the file wrote (see SalesLine.InvoicedAt). Revenue is gross, like the live rows.
    private const string RecomputeSql = """
        DELETE FROM daily_sales d USING import_days a WHERE d.source = 'import' AND d.day = a.day;
        INSERT INTO daily_sales (day, sku, warehouse_id, channel, source, quantity, cancelled_quantity, revenue, order_count)
        SELECT (s.invoiced_at AT TIME ZONE 'UTC')::date, s.stock_code, '', 'web', 'import',
               coalesce(sum(s.quantity) FILTER (WHERE s.kind = 'sale'), 0)::integer,
               coalesce(-sum(s.quantity) FILTER (WHERE s.kind = 'cancellation'), 0)::integer,
               coalesce(round(sum(s.quantity * s.unit_price) FILTER (WHERE s.kind = 'sale'), 2), 0),
               (count(DISTINCT s.invoice_no) FILTER (WHERE s.kind = 'sale'))::integer
        FROM sales_lines s
        JOIN import_days a ON a.day = (s.invoiced_at AT TIME ZONE 'UTC')::date
        WHERE s.kind IN ('sale', 'cancellation')
          AND s.invoiced_at >= (SELECT min(day) FROM import_days)::timestamp AT TIME ZONE 'UTC'
          AND s.invoiced_at < ((SELECT max(day) FROM import_days) + 1)::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1, 2;
        """;

    /// <summary>Imports the file under a progress bar and prints the bad rows or a summary; answers the exit code.</summary>
    public async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        var result = await console.WithProgress("Reading history", new FileInfo(path).Length, report =>
            ImportAsync(path, p => report(p.BytesRead, $"Reading history ({p.Rows:N0} rows)"), cancellationToken));
        if (!result.Imported)
        {
            console.BadRows($"{result.BadRowCount:N0} bad row(s) in {path}: nothing was imported.", result.BadRows, result.BadRowCount);
            return 1;
        }

        console.Summary("History import", path,
        [
            ("rows read", ImportConsole.Count(result.RowsRead)),
            ("sales", ImportConsole.Count(result.Count(SalesLineKind.Sale))),
            ("cancellations", ImportConsole.Count(result.Count(SalesLineKind.Cancellation))),
            ("non-product (postage, fees, manual…)", ImportConsole.Count(result.Count(SalesLineKind.NonProduct))),
            ("adjustments (negative price)", ImportConsole.Count(result.Count(SalesLineKind.Adjustment))),
            ("inserted", ImportConsole.Count(result.Inserted)),
            ("already present", ImportConsole.Count(result.AlreadyPresent)),
            ("days", ImportConsole.Count(result.Days)),
            ("SKUs", ImportConsole.Count(result.Skus)),
            ("customers", ImportConsole.Count(result.Customers)),
            ("daily sales rows written", ImportConsole.Count(result.DailySalesRows)),
            ("time", ImportConsole.Seconds(result.Elapsed)),
        ]);
        if (result.NonProductCodes.Count > 0)
        {
            var others = result.NonProductCodes.Skip(NonProductCodesShown).ToList();
            console.WriteLine("Non-product codes: "
                + string.Join(", ", result.NonProductCodes.Take(NonProductCodesShown).Select(c => $"{c.Key} {c.Value:N0}"))
                + (others.Count > 0 ? $", and {others.Count:N0} other codes ({others.Sum(c => c.Value):N0} rows)" : ""));
        }

        return 0;
    }

    /// <summary>Imports the file; <paramref name="progress"/> hears how far the reading has got.</summary>
    public Task<HistoryImportResult> ImportAsync(string path, Action<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(path, shiftDays: 0, progress, cancellationToken);

    /// <summary>
    /// Imports the file with every row's time moved <paramref name="shiftDays"/> days later (earlier when negative):
    /// the demo seed moves old history up to today. The rows keep their identity, so a re-run with another shift
    /// still inserts nothing twice.
    /// </summary>
    public async Task<HistoryImportResult> ImportAsync(string path, int shiftDays, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var reader = ImportFiles.OpenText(path, out var file);
        var tally = new Tally();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, StageSql, cancellationToken);

        await using (var copy = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
        {
            foreach (var (line, problem) in new HistoryFile(reader).Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                tally.RowsRead++;
                if (problem is not null)
                {
                    tally.Bad(problem);
                }
                else if (tally.BadRowCount == 0)
                {
                    var shifted = shiftDays == 0 ? line! : line! with { InvoicedAt = line.InvoicedAt.AddDays(shiftDays) };
                    tally.Count(shifted);
                    await Write(copy, shifted, cancellationToken);
                }

                if (tally.RowsRead % ProgressEvery == 0)
                {
                    progress?.Invoke(new(tally.RowsRead, file.Position, file.Length));
                }
            }

            progress?.Invoke(new(tally.RowsRead, file.Length, file.Length));

            // Disposing a COPY that was not completed cancels it.
            if (tally.BadRowCount > 0)
            {
                return tally.Result(0, 0, Stopwatch.GetElapsedTime(started));
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long inserted;
        await using (var insert = new NpgsqlCommand(InsertSql, connection))
        {
            inserted = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        var dailyRows = inserted == 0 ? 0 : await RecomputeDailySales(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return tally.Result(inserted, dailyRows, Stopwatch.GetElapsedTime(started));
    }

    private static async Task Write(NpgsqlBinaryImporter copy, SalesLine line, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(line.InvoiceNo, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(line.LineNo, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(line.StockCode, NpgsqlDbType.Text, cancellationToken);
        await WriteNullable(copy, line.Description, cancellationToken);
        await copy.WriteAsync(line.Quantity, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(line.InvoicedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(line.UnitPrice, NpgsqlDbType.Numeric, cancellationToken);
        await WriteNullable(copy, line.CustomerId, cancellationToken);
        await WriteNullable(copy, line.Country, cancellationToken);
        await copy.WriteAsync(KindName(line.Kind), NpgsqlDbType.Text, cancellationToken);
    }

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    /// <summary>The <c>sales_lines.kind</c> value of a kind.</summary>
    public static string KindName(SalesLineKind kind) => kind switch
    {
        SalesLineKind.Sale => "sale",
        SalesLineKind.Cancellation => "cancellation",
        SalesLineKind.NonProduct => "non-product",
        SalesLineKind.Adjustment => "adjustment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<long> RecomputeDailySales(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in RecomputeSql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands[^1].RecordsAffected;
    }

    private static async Task<long> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Tally
    {
        private readonly List<BadRow> badRows = [];
        private readonly Dictionary<SalesLineKind, long> byKind = [];
        private readonly Dictionary<string, long> nonProductCodes = new(StringComparer.Ordinal);
        private readonly HashSet<DateOnly> days = [];
        private readonly HashSet<string> skus = new(StringComparer.Ordinal);
        private readonly HashSet<string> customers = new(StringComparer.Ordinal);

        public long RowsRead { get; set; }

        public int BadRowCount { get; private set; }

        public void Bad(BadRow row)
        {
            if (BadRowCount++ < MaxBadRowsKept)
            {
                badRows.Add(row);
            }
        }

        public void Count(SalesLine line)
        {
            byKind[line.Kind] = byKind.GetValueOrDefault(line.Kind) + 1;
            days.Add(line.Day);
            if (line.CustomerId is { } customer)
            {
                customers.Add(customer);
            }

            if (line.Kind is SalesLineKind.Sale or SalesLineKind.Cancellation)
            {
                skus.Add(line.StockCode);
            }
            else if (line.Kind is SalesLineKind.NonProduct)
            {
                nonProductCodes[line.StockCode] = nonProductCodes.GetValueOrDefault(line.StockCode) + 1;
            }
        }

        public HistoryImportResult Result(long inserted, long dailySalesRows, TimeSpan elapsed) => new()
        {
            BadRows = badRows,
            BadRowCount = BadRowCount,
            RowsRead = RowsRead,
            RowsByKind = byKind,
            NonProductCodes = [.. nonProductCodes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)],
            Inserted = inserted,
            Days = days.Count,
            Skus = skus.Count,
            Customers = customers.Count,
            DailySalesRows = dailySalesRows,
            Elapsed = elapsed,
        };
    }
}