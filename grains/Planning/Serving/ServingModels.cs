using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderGrid.Planning.Serving;

/// <summary>
/// This silo's copy of the serving model version and today's forecasts from it. Looks for a newer stored version
/// at most every <see cref="Recheck"/> (another silo may have trained it), and is told at once by the planner on
/// its own silo. A restarted silo loads the newest stored version: nothing is retrained.
/// </summary>
public sealed partial class ServingModels(
    IModelStore store,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    ILogger<ServingModels> logger,
    IPlanningData? data = null) : IDisposable
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _modelLock = new(1, 1);
    private readonly SemaphoreSlim _forecastLock = new(1, 1);
    private readonly Lock _serveLock = new();
    private volatile ServingModel? _model;
    private volatile bool _loading;
    private long _unloadable;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private DailyForecast? _forecast;

    public async Task<ServingModel?> Current(CancellationToken cancellationToken)
    {
        // Between rechecks the loaded version answers at once; with none loaded yet, a caller that comes while the
        // first load runs waits for it (it used to hear "no model" while the planner's model panel named the version).
        if (clock.GetUtcNow() - _checkedAt < Recheck && (_model is not null || !_loading))
        {
            return _model;
        }

        await _modelLock.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _checkedAt >= Recheck)
            {
                // Whatever happens, the next look is a recheck away: a failing store must not be asked on every request.
                _checkedAt = clock.GetUtcNow();
                _loading = true;
                try
                {
                    await LoadNewer(cancellationToken);
                }
                finally
                {
                    _loading = false;
                }
            }

            return _model;
        }
        finally
        {
            _modelLock.Release();
        }
    }

    public void Dispose()
    {
        _modelLock.Dispose();
        _forecastLock.Dispose();
    }

    /// <summary>Serves a version this silo has just trained and stored, unless a newer one serves already.</summary>
    public void Serve(ServingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_serveLock)
        {
            if (model.Info.Version > (_model?.Info.Version ?? 0))
            {
                _model = model;
            }
        }
    }

    private async Task LoadNewer(CancellationToken cancellationToken)
    {
        long version = 0;
        try
        {
            var newest = await store.NewestVersion(cancellationToken);
            if (newest is null || newest <= (_model?.Info.Version ?? 0) || newest == _unloadable)
            {
                return;
            }

            version = newest.Value;
            if (await store.Load(version, cancellationToken) is { } stored)
            {
                Serve(await Task.Run(() => ServingModel.Load(stored), cancellationToken));
            }
        }
        catch (Exception failure) when (failure is InvalidDataException or FormatException or EndOfStreamException)
        {
            // A version this build cannot read keeps being skipped; the serving one stays until a newer one is trained.
            _unloadable = version;
            LogUnloadable(logger, failure, _unloadable);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The store is out of reach: serve what is loaded and look again after the recheck interval.
            LogStoreFailed(logger, failure);
        }
    }

    /// <summary>Every SKU's forecast from today, made once a day per version; null without a model or a history.</summary>
    public async Task<DailyForecast?> Today(CancellationToken cancellationToken)
    {
        var model = await Current(cancellationToken);
        if (model is null || data is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (_forecast is { } known && known.Model == model && known.From == today)
        {
            return known;
        }

        await _forecastLock.WaitAsync(cancellationToken);
        try
        {
            if (_forecast is { } made && made.Model == model && made.From == today)
            {
                return made;
            }

            var settings = options.Value;
            // Reading every SKU's history and forecasting it take seconds: off the calling grain's scheduler.
            _forecast = await Task.Run(
                async () =>
                {
                    var sales = await data.Demand(today.AddDays(-settings.HistoryDays), today, cancellationToken);
                    var byWarehouse = (await data.WarehouseSales(today.AddDays(-settings.WarehouseShareDays), today, cancellationToken))
                        .GroupBy(s => s.Sku, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(s => s.WarehouseId, s => s.Quantity, StringComparer.Ordinal), StringComparer.Ordinal);
                    var start = sales.Count > 0 ? sales.Min(s => s.Day) : today.AddDays(-1);
                    var history = DemandHistory.Build(sales, start, today);
                    var forecasts = model.Demand.Forecast(history, DemandBacktest.MaxHorizon).ToDictionary(f => f.Sku, StringComparer.Ordinal);
                    return new DailyForecast(model, history, forecasts, byWarehouse, settings.WarehouseShareDays);
                },
                cancellationToken);
            return _forecast;
        }
        finally
        {
            _forecastLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Planning model version {Version} cannot be read by this build; the serving version stays. Retrain to replace it.")]
    private static partial void LogUnloadable(ILogger logger, Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The planning model store is out of reach; the loaded version serves on.")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}