using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace OrderGrid.Planning;

/// <summary>
/// One global FastTree regression over all SKUs, forecasting daily demand recursively: each forecast day's lags
/// and rolling means read the days forecast before it. It learns <c>log(1 + quantity)</c>: daily SKU demand is
/// intermittent and spiky (wholesale orders), and the log target pulls the forecast towards the typical day instead
/// of the mean, which is what an absolute-error measure such as WAPE rewards. The prediction interval comes from
/// the residuals of a model trained without the last <see cref="DemandModelOptions.HoldoutDays"/> days and
/// scored on them, scaled by each SKU's recent level.
/// </summary>
public sealed class DemandModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly float lowResidual;
    private readonly float highResidual;

    private DemandModel(MLContext ml, ITransformer model, DemandHistory history, int trainingRows, float lowResidual, float highResidual)
    {
        this.ml = ml;
        this.model = model;
        this.lowResidual = lowResidual;
        this.highResidual = highResidual;
        TrainedFrom = history.Start;
        TrainedUntil = history.End;
        TrainingRows = trainingRows;
    }

    public DateOnly TrainedFrom { get; }

    /// <summary>The first day after the training window.</summary>
    public DateOnly TrainedUntil { get; }

    /// <summary>SKU-days the final model learned from.</summary>
    public int TrainingRows { get; }

    public static DemandModel Train(DemandHistory history, DemandModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= DemandModelOptions.Default;
        var ml = new MLContext(options.Seed);
        var (low, high) = (0f, 0f);
        if (history.DayCount >= options.HoldoutDays + (3 * DemandSeries.Window))
        {
            var split = history.End.AddDays(-options.HoldoutDays);
            var inner = history.Before(split);
            var (innerModel, _) = Fit(ml, inner, options);
            var residuals = new List<float>();
            foreach (var (sku, forecast, scale) in Predict(ml, innerModel, inner, options.HoldoutDays))
            {
                for (var step = 0; step < forecast.Length; step++)
                {
                    residuals.Add((history.Quantity(sku, split.AddDays(step)) - forecast[step]) / scale);
                }
            }

            var tail = (1 - options.IntervalCoverage) / 2;
            residuals.Sort();
            (low, high) = (Quantile(residuals, tail), Quantile(residuals, 1 - tail));
        }

        var (fitted, rows) = Fit(ml, history, options);
        return new DemandModel(ml, fitted, history, rows, low, high);
    }

    /// <summary>
    /// Forecasts every SKU of <paramref name="history"/> (the same history the model was trained on, or a longer
    /// one) for the <paramref name="horizon"/> days after it.
    /// </summary>
    public IReadOnlyList<SkuForecast> Forecast(DemandHistory history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        return [.. Predict(ml, model, history, horizon).Select(sku => new SkuForecast(
            sku.Sku,
            [.. sku.Forecast.Select((quantity, step) => new ForecastDay(
                history.End.AddDays(step),
                quantity,
                Math.Max(0f, quantity + (lowResidual * sku.Scale)),
                Math.Max(quantity, quantity + (highResidual * sku.Scale))))]))];
    }

    private static (ITransformer Model, int Rows) Fit(MLContext ml, DemandHistory history, DemandModelOptions options)
    {
        var rows = new List<DemandFeatures>();
        foreach (var sku in history.Skus)
        {
            var series = new DemandSeries(history.Quantities(sku), history.Revenues(sku), 0);
            for (var t = Math.Max(series.FirstSale + 1, DemandSeries.Window); t < history.DayCount; t++)
            {
                var row = new DemandFeatures { Label = MathF.Log(1 + series[t]) };
                series.Describe(t, history.Start.AddDays(t), row.Features);
                rows.Add(row);
            }
        }

        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinRowsPerLeaf,
            Seed = options.Seed,
            NumberOfThreads = 1,
        });
        return (trainer.Fit(ml.Data.LoadFromEnumerable(rows)), rows.Count);
    }

    private static IEnumerable<(string Sku, float[] Forecast, float Scale)> Predict(MLContext ml, ITransformer model, DemandHistory history, int horizon)
    {
        var series = history.Skus.Select(sku => new DemandSeries(history.Quantities(sku), history.Revenues(sku), horizon)).ToArray();
        var scales = series.Select(s => Math.Max(s.Mean(history.DayCount, DemandSeries.Window), 0.1f)).ToArray();
        var forecasts = series.Select(_ => new float[horizon]).ToArray();
        var rows = series.Select(_ => new DemandFeatures()).ToArray();
        for (var step = 0; step < horizon; step++)
        {
            var t = history.DayCount + step;
            var day = history.End.AddDays(step);
            for (var i = 0; i < series.Length; i++)
            {
                series[i].Describe(t, day, rows[i].Features);
            }

            var scores = model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
            for (var i = 0; i < series.Length; i++)
            {
                var quantity = Math.Max(0f, MathF.Exp(scores[i]) - 1);
                series[i].Append(quantity);
                forecasts[i][step] = quantity;
            }
        }

        return history.Skus.Select((sku, i) => (sku, forecasts[i], scales[i]));
    }

    private static float Quantile(List<float> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return 0f;
        }

        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((float)(position - below) * (sorted[above] - sorted[below]));
    }
}