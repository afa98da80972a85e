using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>
/// One timer per silo in place of a reminder per grain: once the silo is active, and then every
/// <see cref="DueWorkOptions.ScanEvery"/> on the silo's <see cref="TimeProvider"/>, it reads the grains whose stored
/// wake-up time (<see cref="IHasDueTime"/>) has passed and calls <see cref="IDueWork.Wake"/> on each, where the cluster
/// places it. Every silo scans every row: a grain woken twice does its due work once, and one silo alone still wakes
/// them all. A grain whose wake fails keeps its time and is woken again by the next scan.
/// </summary>
public sealed partial class DueGrainScanner(
    IDueGrainSource source,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<DueWorkOptions> options,
    ILogger<DueGrainScanner> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private CancellationTokenSource? stopping;
    private Task? running;
    private long scans;
    private long woken;

    /// <summary>Scans completed so far, their wakes included (by the timer or <see cref="ScanAsync"/>).</summary>
    public long Scans => Interlocked.Read(ref scans);

    /// <summary>Wake calls made so far.</summary>
    public long Woken => Interlocked.Read(ref woken);

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(DueGrainScanner), ServiceLifecycleStage.Active, Start, Stop);
    }

    /// <summary>
    /// One scan: wakes the grains whose time has passed, at most <see cref="DueWorkOptions.PerScan"/>; answers how many it
    /// woke. The timer calls it; tests call it after moving the clock.
    /// </summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var due = (await source.DueAsync(clock.GetUtcNow(), settings.PerScan, cancellationToken)).Distinct().ToList();
        var failed = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken }, async (grain, _) =>
        {
            try
            {
                await grains.GetGrain<IDueWork>(GrainId.Create(grain.GrainType, grain.GrainKey)).Wake();
                Interlocked.Increment(ref woken);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException and not OperationCanceledException)
            {
                // The row keeps its time: the next scan wakes the grain again.
                Interlocked.Increment(ref failed);
                LogWakeFailed(logger, grain.GrainType, grain.GrainKey, failure);
            }
        });
        if (due.Count > 0)
        {
            LogScanned(logger, due.Count, failed);
        }

        Interlocked.Increment(ref scans);
        return due.Count - failed;
    }

    public void Dispose() => stopping?.Dispose();

    private Task Start(CancellationToken cancellationToken)
    {
        if (options.Value.Scan)
        {
            var stop = stopping = new CancellationTokenSource();
            running = Task.Run(() => RunAsync(stop.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        if (stopping is not { } stop || running is not { } loop)
        {
            return;
        }

        await stop.CancelAsync();
        await loop.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>The timer's loop: a scan at once, then one every <see cref="DueWorkOptions.ScanEvery"/>, until cancelled.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanEvery, clock);
        do
        {
            try
            {
                await ScanAsync(cancellationToken);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException and not OperationCanceledException)
            {
                LogScanFailed(logger, failure);
            }
        }
        while (await Tick(timer, cancellationToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Debug, Message = "Due work: woke {Count} grain(s), {Failed} failed")]
    private static partial void LogScanned(ILogger logger, int count, int failed);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Due work: waking {GrainType}/{GrainKey} failed; the next scan tries again")]
    private static partial void LogWakeFailed(ILogger logger, string grainType, string grainKey, Exception failure);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "Due work: the scan could not read the wake-up times; it tries again")]
    private static partial void LogScanFailed(ILogger logger, Exception failure);
}