using System.Collections.Immutable;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using OrderGrid.Live;

namespace OrderGrid.Api.Live;

/// <summary>
/// Carries pushes to every web node of the cluster: this node's browsers directly, the others' through their
/// <see cref="ILiveNode"/> references. Joins the cluster's list of live nodes at start, renews its lease, and
/// leaves at shutdown; the list itself is kept current by the nodes grain telling each node of every change.
/// </summary>
public sealed partial class LiveNetwork(
    IGrainFactory grains,
    LiveNode local,
    IOptions<LiveOptions> options,
    ILogger<LiveNetwork> logger) : BackgroundService
{
    private readonly string _nodeId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends <paramref name="pushes"/> to every live node at once; never throws.</summary>
    public async Task Send(ImmutableArray<LivePush> pushes)
    {
        if (pushes.IsEmpty)
        {
            return;
        }

        // Side by side: this node's browsers do not wait for another node's answer, nor one node for the next.
        await Task.WhenAll(local.Nodes.Where(n => n.NodeId != _nodeId).Select(node => DeliverTo(node, pushes)).Append(local.Deliver(pushes)));
    }

    private async Task DeliverTo(LiveNodeAddress node, ImmutableArray<LivePush> pushes)
    {
        try
        {
            await node.Node.Deliver(pushes);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogNodeUnreachable(logger, failure, node.NodeId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Lives as long as this node's silo; other nodes drop it when its lease runs out.
        var reference = grains.CreateObjectReference<ILiveNode>(local);
        var directory = grains.GetGrain<ILiveNodesGrain>("default");
        while (!stoppingToken.IsCancellationRequested)
        {
            var renewIn = options.Value.Renew;
            try
            {
                await local.NodesChanged(await directory.Join(_nodeId, reference));
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or the directory moving: try again soon.
                LogJoinFailed(logger, failure);
                renewIn = TimeSpan.FromSeconds(1);
            }

            await Task.Delay(renewIn, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<ILiveNodesGrain>("default").Leave(_nodeId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Leaving is a courtesy: the lease runs out anyway.
            LogLeaveFailed(logger, failure);
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live node {NodeId} did not take a push.")]
    private static partial void LogNodeUnreachable(ILogger logger, Exception exception, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not join the live network yet; trying again.")]
    private static partial void LogJoinFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not leave the live network; its lease will run out.")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception);
}