using Microsoft.Extensions.Options;

namespace OrderGrid.Planning.Serving;

/// <summary>
/// This silo's copy of the serving model version and today's forecasts from it. Looks for a newer stored version
/// at most every <see cref="Recheck"/> (another silo may have trained it), and is told at once by the planner on
/// its own silo. A restarted silo loads the newest stored version: nothing is retrained.
/// </summary>
public sealed class ServingModels(IModelStore store, IOptions<PlanningOptions> options, TimeProvider clock, IPlanningData? data = null) : IDisposable
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private ServingModel? _model;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private DailyForecast? _forecast;

    public async Task<ServingModel?> Current(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _checkedAt < Recheck)
        {
            return _model;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _checkedAt >= Recheck)
            {
                var newest = await store.NewestVersion(cancellationToken);
                if (newest is { } version && version != _model?.Info.Version && await store.Load(version, cancellationToken) is { } stored)
                {
                    _model = await Task.Run(() => ServingModel.Load(stored), cancellationToken);
                }

                _checkedAt = clock.GetUtcNow();
            }

            return _model;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Serves a version this silo has just trained and stored.</summary>
    public void Serve(ServingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _checkedAt = clock.GetUtcNow();
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

        await _loading.WaitAsync(cancellationToken);
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
                    return new DailyForecast(model, history, forecasts, byWarehouse);
                },
                cancellationToken);
            return _forecast;
        }
        finally
        {
            _loading.Release();
        }
    }
}