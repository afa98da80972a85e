namespace OrderGrid.Planning;

/// <summary>
/// How much of a SKU's demand a warehouse's figures take, and what that rests on: imported history names no
/// warehouse, so a warehouse's part is its share of the SKU's live sales over the last <paramref name="Days"/> days,
/// smoothed by one unit each, or an even split when there are none.
/// </summary>
/// <param name="Fraction">The part of every all-warehouse figure (history, forecast, interval) shown for the warehouse.</param>
/// <param name="WarehouseUnits">Units of the SKU this warehouse sold live in the window.</param>
/// <param name="AllUnits">Units of the SKU every warehouse sold live in the window; 0 means an even split.</param>
/// <param name="Days">The window's length in days, up to yesterday.</param>
[GenerateSerializer, Immutable, Alias("og.warehouse-share")]
public sealed record WarehouseShare(
    [property: Id(0)] double Fraction,
    [property: Id(1)] int WarehouseUnits,
    [property: Id(2)] int AllUnits,
    [property: Id(3)] int Days)
{
    /// <summary>No live sale of the SKU in the window: every warehouse takes the same part.</summary>
    public bool EvenSplit => AllUnits == 0;
}