using Microsoft.ML.Data;

namespace OrderGrid.Planning;

/// <summary>
/// The feature vector of one forecast: a SKU, the day the forecast is made from (the origin: everything is read
/// from the days before it) and the lead, the days from the origin to the forecast day. There is no month feature on
/// purpose: less than a year of history cannot teach a month's effect, and a forecast for a month never seen would
/// read a meaningless split.
/// </summary>
public sealed class DemandFeatures
{
    // The forecast day.
    public const int Lead = 0;
    public const int Weekday = 1;
    public const int DayOfMonth = 2;
    public const int SameWeekdayLast = 3;
    public const int SameWeekdayMean4 = 4;

    // The SKU as of the origin.
    public const int Lag1 = 5;
    public const int Mean7 = 6;
    public const int Mean14 = 7;
    public const int Mean28 = 8;
    public const int Mean91 = 9;
    public const int Mean28Before = 10;
    public const int Max28 = 11;
    public const int SalesDayShare28 = 12;
    public const int SalesDayShare91 = 13;
    public const int DaysSinceLastSale = 14;
    public const int MedianSalesDay91 = 15;
    public const int UnitsPerSalesDay91 = 16;
    public const int SkuMean = 17;
    public const int SkuIntermittency = 18;
    public const int SkuAge = 19;
    public const int Price = 20;
    public const int Count = 21;

    /// <summary>What the model learns: the units sold on the forecast day, a spike cut down (see <see cref="DemandModel"/>).</summary>
    public float Label { get; set; }

    [VectorType(Count)]
    public float[] Features { get; set; } = new float[Count];
}