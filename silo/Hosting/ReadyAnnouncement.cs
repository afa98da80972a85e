using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderGrid.Silo.Hosting;

/// <summary>
/// Says once, when every start-up step has run and the server listens, where OrderGrid answers: the last line a new
/// user waits for. Registered last, so its turn comes after the database, the silo and the demo seed.
/// </summary>
internal sealed partial class ReadyAnnouncement(IServer server, ILogger<ReadyAnnouncement> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // A test server has no addresses: nobody reads the console there.
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/');
        if (url is not null)
        {
            LogReady(logger, url);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "OrderGrid is ready on {Url}: the wall at {Url}/wall, the API reference at {Url}/docs. Ctrl+C stops it.")]
    private static partial void LogReady(ILogger logger, string url);
}