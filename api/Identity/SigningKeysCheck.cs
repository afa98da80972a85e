using Microsoft.Extensions.Hosting;

namespace OrderGrid.Api.Identity;

/// <summary>
/// Loads (or creates) the identity secret while the host starts, so that a bad key file stops the start with its reason
/// (an options validation failure, reported like any bad setting) rather than failing the first sign-in.
/// </summary>
internal sealed class SigningKeysCheck(SigningKeys keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(keys);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}