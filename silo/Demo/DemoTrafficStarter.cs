using Microsoft.Extensions.Options;

using OrderGrid.Demo;

namespace OrderGrid.Silo.Demo;

/// <summary>
/// Wakes the demo traffic simulator when the host starts, if <c>OrderGrid:Demo:Simulate</c> is on. Registered after
/// the demo seed, so the first orders find the catalog and the stock in place.
/// </summary>
internal sealed partial class DemoTrafficStarter(
    IGrainFactory grains,
    IOptions<DemoTrafficOptions> demo,
    ILogger<DemoTrafficStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Simulate)
        {
            return;
        }

        // The demo is an extra: a simulator that cannot start is reported, and the host serves on without it.
        try
        {
            var started = await grains.GetGrain<IDemoTrafficGrain>("default").Start(demo.Value.OrdersPerMinute);
            if (started.Refusal is { } refusal)
            {
                LogNotStarted(logger, null, refusal.Message);
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            LogNotStarted(logger, failure, failure.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic was not started: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, Exception? failure, string reason);
}