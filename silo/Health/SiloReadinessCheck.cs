using Microsoft.Extensions.Diagnostics.HealthChecks;

using Npgsql;

using OrderGrid.Warehouses;

namespace OrderGrid.Silo.Health;

/// <summary>
/// Ready when the local silo is active, the database answers (PostgreSQL storage) and a grain that reads storage
/// answers in time. The warehouse directory is that grain: it is cheap, and an empty answer means startup
/// registration has not finished. An active grain answers from memory, so the database is asked itself.
/// </summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle silo, IGrainFactory grains, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (silo.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Silo is {silo.CurrentStatus}.");
        }

        if (services.GetService<NpgsqlDataSource>() is { } database && await DatabaseFailure(database, cancellationToken) is { } down)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", down);
        }

        try
        {
            var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List().WaitAsync(Timeout, cancellationToken);
            return warehouses.IsDefaultOrEmpty
                ? HealthCheckResult.Unhealthy("No warehouse registered yet.")
                : HealthCheckResult.Healthy($"Silo active; {warehouses.Length} warehouses in storage.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"A grain call did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("A grain call failed.", exception);
        }
    }

    private static async Task<Exception?> DatabaseFailure(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        try
        {
            await using var ping = database.CreateCommand("SELECT 1");
            await ping.ExecuteScalarAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return exception;
        }
    }
}