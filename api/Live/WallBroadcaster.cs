using System.Text.Json;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using OrderGrid.Wall;

namespace OrderGrid.Api.Live;

/// <summary>
/// Pushes the wall's snapshot to this node's wall screens whenever its revision moved on, asking the wall grain at
/// most once per <see cref="LiveOptions.WallInterval"/>: counts change with every order, but a screen needs no
/// more than about one picture per second, and each node asks only for itself.
/// </summary>
public sealed partial class WallBroadcaster(
    IGrainFactory grains,
    IHubContext<WallHub> hub,
    IOptions<LiveOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<WallBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wall = grains.GetGrain<IOrderWallGrain>("default");
        var shown = -1L;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.WallInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                if (await wall.SnapshotAfter(shown) is { } snapshot)
                {
                    var payload = JsonSerializer.SerializeToElement(snapshot, json.Value.SerializerOptions);
                    await hub.Clients.Group(LiveGroups.Wall).SendAsync(LiveMessages.WallChanged, payload, stoppingToken);
                    shown = snapshot.Revision;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo may be starting or the wall moving: the next round tries again.
                LogWallUnavailable(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The wall snapshot could not be pushed this round.")]
    private static partial void LogWallUnavailable(ILogger logger, Exception exception);
}