using Microsoft.Extensions.Options;

using OrderGrid.Warehouses;

namespace OrderGrid.Silo.Warehouses;

/// <summary>Registers the configured warehouses in the directory grain once the silo runs (every start, every environment).</summary>
internal sealed partial class WarehouseRegistration(
    IGrainFactory grains,
    IOptions<WarehousesOptions> options,
    ILogger<WarehouseRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = grains.GetGrain<IWarehouseDirectoryGrain>("default");
        foreach (var warehouse in options.Value.Warehouses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await directory.Register(new Warehouse(warehouse.Id, warehouse.Name, warehouse.Priority));
        }

        var ids = string.Join(", ", options.Value.Warehouses.Select(w => w.Id));
        LogRegistered(logger, options.Value.Warehouses.Count, ids);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} warehouses: {Ids}")]
    private static partial void LogRegistered(ILogger logger, int count, string ids);
}