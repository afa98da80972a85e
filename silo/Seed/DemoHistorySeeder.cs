using System.Diagnostics;

using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Silo.Import;

namespace OrderGrid.Silo.Seed;

/// <summary>
/// Imports the demo sales history (<c>OrderGrid:Demo:HistoryFile</c>) into an empty <c>sales_lines</c> when
/// <c>OrderGrid:Demo:Seed</c> is on and storage is PostgreSQL. It runs in the background from the moment the schema is
/// ready (it is registered right after the database's start, and needs no grain), so it overlaps the silo's start and
/// the catalog seed and does not hold up readiness; it completes <see cref="DemoHistory.Ready"/> when over. Every date
/// moves forward by the same number of days so that the file's last day becomes yesterday (UTC): a planner's newest
/// days are real sales, not days the history never reached. Weekdays move with the dates unless the shift is whole
/// weeks; the file's trading week (no Saturday sales in the shipped one) moves with them, and the model learns it from
/// the moved dates. The import is one transaction keyed by invoice and line: an interrupted seed leaves nothing and is
/// redone by the next start, and two silos seeding at once insert each row once.
/// </summary>
internal sealed partial class DemoHistorySeeder(
    DemoHistory history,
    IOptions<DemoOptions> demo,
    TimeProvider clock,
    ILogger<DemoHistorySeeder> logger,
    NpgsqlDataSource? dataSource = null) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task seeding = Task.CompletedTask;

    public string HistoryPath => Path.GetFullPath(demo.Value.HistoryFile, AppContext.BaseDirectory);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Seed || dataSource is null)
        {
            history.MarkReady();
            return Task.CompletedTask;
        }

        seeding = Task.Run(() => SeedInBackground(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await seeding.WaitAsync(cancellationToken);
    }

    /// <summary>Imports the history if <c>sales_lines</c> is empty; answers the import, or null when there was nothing to do.</summary>
    public async Task<HistoryImportResult?> SeedAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var started = Stopwatch.GetTimestamp();
        var path = HistoryPath;
        if (!File.Exists(path))
        {
            LogNoFile(logger, path);
            return null;
        }

        if (await HasHistory(dataSource, cancellationToken))
        {
            LogAlreadySeeded(logger);
            return null;
        }

        LogImporting(logger, path);
        if (Span(path, cancellationToken) is not { } span)
        {
            LogNoRows(logger, path);
            return null;
        }

        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var shift = yesterday.DayNumber - span.Last.DayNumber;
        var (first, last) = (span.First.AddDays(shift), span.Last.AddDays(shift));
        var result = await new HistoryImport(dataSource).ImportAsync(path, shift, null, cancellationToken);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!result.Imported)
        {
            LogBadFile(logger, path, result.BadRowCount, result.BadRows[0].Line, result.BadRows[0].Reason);
        }
        else
        {
            LogSeeded(logger, result.Inserted, result.RowsRead, first, last, shift, result.DailySalesRows, elapsedMs);
        }

        return result;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    private async Task SeedInBackground(CancellationToken cancellationToken)
    {
        // The demo is an extra: a history that cannot be seeded is reported, and the silo serves on without it.
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogFailed(logger, failure, failure.Message);
        }
        finally
        {
            history.MarkReady();
        }
    }

    private static async Task<bool> HasHistory(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM sales_lines)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The file's first day and its last day of product sales (a day of cancellations only is no sale), read by the
    // import's rules; bad rows are left for the import to report.
    private static DaySpan? Span(string path, CancellationToken cancellationToken)
    {
        using var reader = ImportFiles.OpenText(path, out _);
        DateOnly? first = null, last = null, lastSale = null;
        foreach (var (line, _) in new HistoryFile(reader).Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line is not null)
            {
                first = first is { } known && known <= line.Day ? known : line.Day;
                last = last is { } latest && latest >= line.Day ? latest : line.Day;
                if (line is { Kind: SalesLineKind.Sale, UnitPrice: > 0 } && (lastSale is not { } sold || sold < line.Day))
                {
                    lastSale = line.Day;
                }
            }
        }

        return first is { } from ? new(from, lastSale ?? last!.Value) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: importing {Path} in the background (for the planning models)…")]
    private static partial void LogImporting(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: sales_lines already holds history, nothing to do")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo history: {Inserted} of {Rows} rows imported, {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd} (moved {Days} days later), {DailySalesRows} daily sales rows, in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, long inserted, long rows, DateOnly firstDay, DateOnly lastDay, int days, long dailySalesRows, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history: no file {Path}, nothing imported")]
    private static partial void LogNoFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history: {Path} has no valid rows, nothing imported")]
    private static partial void LogNoRows(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history: {Path} has {BadRows} bad row(s), nothing imported; line {Line}: {Reason}")]
    private static partial void LogBadFile(ILogger logger, string path, int badRows, int line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: the host stopped before the import finished; nothing was kept, the next start imports again")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo history was not seeded: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception failure, string reason);

    private readonly record struct DaySpan(DateOnly First, DateOnly Last);
}