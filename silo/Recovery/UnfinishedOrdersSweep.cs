using OrderGrid.Orders;

namespace OrderGrid.Silo.Recovery;

/// <summary>
/// Finds the orders left with unfinished steps and has them carry the steps out: every order marked, as soon as the
/// silo has started (a crash's leftovers), then every <see cref="Interval"/> those marked longer than
/// <see cref="Interval"/> ago (a silo of the cluster that died and did not come back). An order is activated where the
/// cluster places it; one with nothing left to do drops its mark.
/// </summary>
public sealed partial class UnfinishedOrdersSweep(UnfinishedOrders unfinished, IGrainFactory grains, ILogger<UnfinishedOrdersSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private const int PerSweep = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var olderThan = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ids = await unfinished.List(olderThan, PerSweep, stoppingToken);
                var failed = 0;
                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (id, _) =>
                {
                    try
                    {
                        await grains.GetGrain<IOrderGrain>(id).ResumeSteps();
                    }
                    catch (Exception failure) when (failure is not OutOfMemoryException and not OperationCanceledException)
                    {
                        // The order keeps its mark and its own retry timer; the next sweep asks again.
                        Interlocked.Increment(ref failed);
                    }
                });
                if (ids.Count > 0)
                {
                    LogSwept(logger, ids.Count, failed);
                }
            }
            catch (Exception failure) when (failure is not OutOfMemoryException and not OperationCanceledException)
            {
                LogSweepFailed(logger, failure);
            }

            olderThan = Interval;
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Unfinished orders: resumed {Count} order(s), {Failed} still failing")]
    private static partial void LogSwept(ILogger logger, int count, int failed);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Unfinished orders: the sweep could not read the list; it tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception failure);
}