using Microsoft.ML.Data;

namespace OrderGrid.Planning;

/// <summary>
/// The feature vector of one SKU-day. There is no month feature on purpose: less than a year of history cannot
/// teach a month's effect, and a forecast for a month never seen would read a meaningless split.
/// </summary>
public sealed class DemandFeatures
{
    public const int Lag1 = 0;
    public const int Lag7 = 1;
    public const int Lag14 = 2;
    public const int Lag28 = 3;
    public const int SameWeekdayMean4 = 4;
    public const int Mean7 = 5;
    public const int Mean28 = 6;
    public const int SalesDayShare28 = 7;
    public const int DaysSinceLastSale = 8;
    public const int SkuMean = 9;
    public const int SkuIntermittency = 10;
    public const int SkuAge = 11;
    public const int Weekday = 12;
    public const int DayOfMonth = 13;
    public const int Price = 14;
    public const int Count = 15;

    /// <summary>What the model learns: <c>log(1 + quantity)</c>, see <see cref="DemandModel"/>.</summary>
    public float Label { get; set; }

    [VectorType(Count)]
    public float[] Features { get; set; } = new float[Count];
}