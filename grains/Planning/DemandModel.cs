using System.Text;

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace OrderGrid.Planning;

/// <summary>
/// One global FastTree regression over all SKUs that forecasts the mean units of each SKU and day, so that a
/// forecast's total over the horizon is what a planner should expect to sell. It is direct: one row per SKU, origin
/// and lead (0 to 27 days after the origin), every feature read from the days before the origin, so a forecast never
/// feeds on earlier forecasts and the same model serves every lead. It learns units with a squared error, whose
/// minimum is the mean; a log target or recursion both pull the forecast towards the typical (near zero) day of
/// intermittent wholesale demand, which a daily absolute error rewards and a planner cannot order from. One wholesale
/// order can be a hundred typical days: a training day is cut to <see cref="DemandModelOptions.SpikeCap"/> times the
/// SKU's typical sales day (<see cref="CapSpike"/>), so a few spikes do not teach every look-alike SKU to expect
/// them. docs/planning.md gives what was tried and measured. A model trained without the last
/// <see cref="DemandModelOptions.HoldoutDays"/> days forecasts them: its errors give the <see cref="Evaluation"/> and
/// calibrate the prediction interval: the quantiles of its errors in log space, taken separately for bands of the
/// forecast level (a conformal interval by band).
/// </summary>
public sealed class DemandModel
{
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "OGDM"u8.ToArray();

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DemandInterval interval;

    private DemandModel(
        MLContext ml,
        ITransformer model,
        DemandInterval interval,
        DemandModelOptions options,
        DateOnly trainedFrom,
        DateOnly trainedUntil,
        int trainingRows,
        DemandEvaluation? evaluation)
    {
        this.ml = ml;
        this.model = model;
        this.interval = interval;
        Options = options;
        TrainedFrom = trainedFrom;
        TrainedUntil = trainedUntil;
        TrainingRows = trainingRows;
        Evaluation = evaluation;
    }

    public DemandModelOptions Options { get; }

    public DateOnly TrainedFrom { get; }

    /// <summary>The first day after the training window.</summary>
    public DateOnly TrainedUntil { get; }

    /// <summary>SKU-days the final model learned from.</summary>
    public int TrainingRows { get; }

    /// <summary>The hold-out figures; null when the history was too short to hold days out (the interval is then empty).</summary>
    public DemandEvaluation? Evaluation { get; }

    public static DemandModel Train(DemandHistory history, DemandModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= DemandModelOptions.Default;
        var ml = new MLContext(options.Seed);
        var interval = DemandInterval.None;
        DemandEvaluation? evaluation = null;
        if (history.DayCount >= options.HoldoutDays + (3 * DemandSeries.Window))
        {
            var split = history.End.AddDays(-options.HoldoutDays);
            var inner = history.Before(split);
            var (innerModel, _) = Fit(ml, inner, options);
            var predicted = Predict(ml, innerModel, inner, options.HoldoutDays);
            interval = DemandInterval.Calibrate(predicted, history, split, options.IntervalCoverage);
            evaluation = new DemandEvaluation(split, options.HoldoutDays, DemandScore.Of(inner, history, [.. predicted.Select(sku => sku.WithInterval(interval, split))], options.HoldoutDays));
        }

        var (fitted, rows) = Fit(ml, history, options);
        return new DemandModel(ml, fitted, interval, options, history.Start, history.End, rows, evaluation);
    }

    /// <summary>
    /// Forecasts every SKU of <paramref name="history"/> for the <paramref name="horizon"/> days after it (at most
    /// <see cref="DemandBacktest.MaxHorizon"/>, the leads the model learned). A SKU's
    /// forecast reads only its own series, from its first sale in the history on: a history of one SKU forecasts it
    /// exactly as a history of all SKUs over the same days does, and so does one that starts earlier (zero-filled).
    /// To forecast as training saw the SKU, start the history at <see cref="TrainedFrom"/> or before.
    /// </summary>
    public IReadOnlyList<SkuForecast> Forecast(DemandHistory history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizon, DemandBacktest.MaxHorizon);
        return [.. Predict(ml, model, history, horizon).Select(sku => sku.WithInterval(interval, history.End))];
    }

    /// <summary>Writes the model, its interval calibration, training window, options and evaluation.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Options.Trees);
        writer.Write(Options.Leaves);
        writer.Write(Options.LearningRate);
        writer.Write(Options.MinRowsPerLeaf);
        writer.Write(Options.Seed);
        writer.Write(Options.HoldoutDays);
        writer.Write(Options.IntervalCoverage);
        writer.Write(Options.SpikeCap);
        writer.Write(TrainedFrom.DayNumber);
        writer.Write(TrainedUntil.DayNumber);
        writer.Write(TrainingRows);
        interval.Write(writer);
        writer.Write(Evaluation is not null);
        if (Evaluation is { } evaluation)
        {
            writer.Write(evaluation.Cutoff.DayNumber);
            writer.Write(evaluation.HorizonDays);
            var score = evaluation.Score;
            foreach (var figure in (double?[])[score.ModelTotalWape, score.MovingAverageTotalWape, score.SeasonalNaiveTotalWape, score.ModelBias, score.MovingAverageBias, score.ModelRmsse, score.MovingAverageRmsse, score.ModelWape, score.SeasonalNaiveWape, score.MovingAverageWape])
            {
                writer.Write(figure ?? double.NaN);
            }

            writer.Write(score.IntervalCoverage);
        }

        using var trees = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<DemandFeatures>()).Schema, trees);
        writer.Write(checked((int)trees.Length));
        writer.Write(trees.GetBuffer(), 0, (int)trees.Length);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static DemandModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("This is not a demand model of a known format.");
            }

            var options = new DemandModelOptions(
                Trees: reader.ReadInt32(),
                Leaves: reader.ReadInt32(),
                LearningRate: reader.ReadDouble(),
                MinRowsPerLeaf: reader.ReadInt32(),
                Seed: reader.ReadInt32(),
                HoldoutDays: reader.ReadInt32(),
                IntervalCoverage: reader.ReadDouble(),
                SpikeCap: reader.ReadSingle());
            var trainedFrom = DateOnly.FromDayNumber(reader.ReadInt32());
            var trainedUntil = DateOnly.FromDayNumber(reader.ReadInt32());
            var rows = reader.ReadInt32();
            var interval = DemandInterval.Read(reader);
            var evaluation = reader.ReadBoolean() ? ReadEvaluation(reader) : null;
            var length = reader.ReadInt32();
            var trees = reader.ReadBytes(length);
            if (trees.Length != length)
            {
                throw new InvalidDataException("The demand model ends early.");
            }

            var ml = new MLContext(options.Seed);
            using var treeStream = new MemoryStream(trees, writable: false);
            var model = ml.Model.Load(treeStream, out _);
            return new DemandModel(ml, model, interval, options, trainedFrom, trainedUntil, rows, evaluation);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The demand model ends early.", exception);
        }
    }

    private static DemandEvaluation ReadEvaluation(BinaryReader reader)
    {
        var (cutoff, horizon) = (DateOnly.FromDayNumber(reader.ReadInt32()), reader.ReadInt32());
        var figures = new double?[10];
        for (var i = 0; i < figures.Length; i++)
        {
            figures[i] = reader.ReadDouble() is var value && double.IsNaN(value) ? null : value;
        }

        return new DemandEvaluation(cutoff, horizon, new DemandScore(
            figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6], figures[7], figures[8], figures[9], reader.ReadDouble()));
    }

    /// <summary>
    /// Cuts a training day's units to <see cref="DemandModelOptions.SpikeCap"/> times the SKU's typical sales day as
    /// of the origin (<paramref name="origin"/> holds the origin's features).
    /// </summary>
    internal static float CapSpike(float units, ReadOnlySpan<float> origin, float spikeCap) =>
        Math.Min(units, spikeCap * DemandSeries.TypicalSalesDay(origin));

    private static (ITransformer Model, int Rows) Fit(MLContext ml, DemandHistory history, DemandModelOptions options)
    {
        var rows = new List<DemandFeatures>();
        var end = history.DayCount;
        var origin = new float[DemandFeatures.Count];
        foreach (var sku in history.Skus)
        {
            var series = new DemandSeries(history.Quantities(sku), history.Revenues(sku));

            // Origins on the weekday the forecast is made from (the history's end), one a week, back to the first sale.
            for (var o = end - 7; o >= DemandSeries.Window && series.Knows(o); o -= 7)
            {
                series.DescribeOrigin(o, origin);
                for (var lead = 0; lead < DemandBacktest.MaxHorizon && o + lead < end; lead++)
                {
                    var row = new DemandFeatures { Label = CapSpike(series[o + lead], origin, options.SpikeCap) };
                    origin.CopyTo(row.Features, 0);
                    series.DescribeLead(o, lead, history.Start.AddDays(o + lead), row.Features);
                    rows.Add(row);
                }
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

    private static List<PredictedSku> Predict(MLContext ml, ITransformer model, DemandHistory history, int horizon)
    {
        var rows = new List<DemandFeatures>(history.Skus.Count * horizon);
        var origin = new float[DemandFeatures.Count];
        var end = history.DayCount;
        foreach (var sku in history.Skus)
        {
            var series = new DemandSeries(history.Quantities(sku), history.Revenues(sku));
            series.DescribeOrigin(end, origin);
            for (var lead = 0; lead < horizon; lead++)
            {
                var row = new DemandFeatures();
                origin.CopyTo(row.Features, 0);
                series.DescribeLead(end, lead, history.End.AddDays(lead), row.Features);
                rows.Add(row);
            }
        }

        var scores = model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
        return [.. history.Skus.Select((sku, i) => new PredictedSku(sku, [.. scores.AsSpan(i * horizon, horizon).ToArray().Select(score => Math.Max(0f, score))]))];
    }

    /// <summary>One SKU's point forecast, before the interval is put around it.</summary>
    private sealed record PredictedSku(string Sku, float[] Quantities)
    {
        public SkuForecast WithInterval(DemandInterval interval, DateOnly start) =>
            new(Sku, [.. Quantities.Select((quantity, step) =>
            {
                var (low, high) = interval.Around(quantity);
                return new ForecastDay(start.AddDays(step), quantity, low, high);
            })]);
    }

    /// <summary>
    /// The prediction interval: per band of the forecast level, the lower and upper quantiles of the hold-out errors
    /// <c>log(1 + actual) − log(1 + forecast)</c>. A band with too few errors takes the quantiles of all of them.
    /// </summary>
    private sealed class DemandInterval
    {
        private const int MinErrorsPerBand = 30;

        // Forecast levels where a band ends, roughly doubling: the error's spread changes with the level.
        private static readonly float[] BandEnds = [0.05f, 0.2f, 0.5f, 1f, 2f, 5f, 10f];

        private readonly float[] low;
        private readonly float[] high;

        private DemandInterval(float[] low, float[] high)
        {
            this.low = low;
            this.high = high;
        }

        /// <summary>No interval: low and high are the forecast.</summary>
        public static DemandInterval None { get; } = new(new float[BandEnds.Length + 1], new float[BandEnds.Length + 1]);

        public static DemandInterval Calibrate(IEnumerable<PredictedSku> predicted, DemandHistory actual, DateOnly start, double coverage)
        {
            var bands = Enumerable.Range(0, BandEnds.Length + 1).Select(_ => new List<float>()).ToArray();
            var all = new List<float>();
            foreach (var sku in predicted)
            {
                for (var step = 0; step < sku.Quantities.Length; step++)
                {
                    var forecast = sku.Quantities[step];
                    var error = MathF.Log(1 + actual.Quantity(sku.Sku, start.AddDays(step))) - MathF.Log(1 + forecast);
                    bands[Band(forecast)].Add(error);
                    all.Add(error);
                }
            }

            var tail = (1 - coverage) / 2;
            all.Sort();
            var (low, high) = (new float[bands.Length], new float[bands.Length]);
            for (var band = 0; band < bands.Length; band++)
            {
                var errors = bands[band].Count >= MinErrorsPerBand ? bands[band] : all;
                errors.Sort();
                (low[band], high[band]) = (Quantile(errors, tail), Quantile(errors, 1 - tail));
            }

            return new DemandInterval(low, high);
        }

        public static DemandInterval Read(BinaryReader reader)
        {
            var count = reader.ReadInt32();
            if (count != BandEnds.Length + 1)
            {
                throw new InvalidDataException($"The demand model's interval has {count} bands, not {BandEnds.Length + 1}.");
            }

            var (low, high) = (new float[count], new float[count]);
            for (var band = 0; band < count; band++)
            {
                (low[band], high[band]) = (reader.ReadSingle(), reader.ReadSingle());
            }

            return new DemandInterval(low, high);
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(low.Length);
            for (var band = 0; band < low.Length; band++)
            {
                writer.Write(low[band]);
                writer.Write(high[band]);
            }
        }

        public (float Low, float High) Around(float quantity)
        {
            var band = Band(quantity);
            var level = MathF.Log(1 + quantity);
            return (
                low[band] >= 0 ? quantity : Math.Clamp(MathF.Exp(level + low[band]) - 1, 0f, quantity),
                high[band] <= 0 ? quantity : Math.Max(quantity, MathF.Exp(level + high[band]) - 1));
        }

        private static int Band(float quantity)
        {
            var band = 0;
            while (band < BandEnds.Length && quantity >= BandEnds[band])
            {
                band++;
            }

            return band;
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
}