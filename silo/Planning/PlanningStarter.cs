using Microsoft.Extensions.Options;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;
using OrderGrid.Silo.Seed;

namespace OrderGrid.Silo.Planning;

/// <summary>
/// Asks the planner, once the silo runs, to keep its retraining reminder and to train when no model version is
/// stored yet: in the background, after the demo history seed (when there is one), so a first demo start learns
/// from the seeded history and readiness does not wait for either.
/// </summary>
internal sealed partial class PlanningStarter(
    IGrainFactory grains,
    IOptions<PlanningOptions> options,
    ILogger<PlanningStarter> logger,
    DemoHistory? demoHistory = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Train)
        {
            return;
        }

        // Planning is not needed to take orders: a planner that cannot start is reported and tried again a few
        // times (the database may still be coming up); the host serves on either way.
        try
        {
            if (demoHistory is not null)
            {
                await demoHistory.Ready.WaitAsync(stoppingToken);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await grains.GetGrain<IPlannerGrain>("default").Start();
                    return;
                }
                catch (Exception failure) when (failure is not (OutOfMemoryException or OperationCanceledException))
                {
                    LogNotStarted(logger, failure, attempt);
                    if (attempt == MaxAttempts)
                    {
                        return;
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the planner started: the next start does it.
        }
    }

    private const int MaxAttempts = 5;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The planner was not started (attempt {Attempt}); models train on a retrain request or the next start.")]
    private static partial void LogNotStarted(ILogger logger, Exception failure, int attempt);
}