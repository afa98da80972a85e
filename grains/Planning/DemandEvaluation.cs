namespace OrderGrid.Planning;

/// <summary>
/// How a demand model scored on the last days of its training window, forecast by a model trained without them
/// (the definitions of <see cref="DemandScore"/>, as the backtest scores). Its interval coverage is measured on the
/// days the interval was calibrated on, so it shows the calibration holds, not how it generalises (the backtest
/// measures that).
/// </summary>
/// <param name="Cutoff">The first held-out day.</param>
public sealed record DemandEvaluation(DateOnly Cutoff, int HorizonDays, DemandScore Score);