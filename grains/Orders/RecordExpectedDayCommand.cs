using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>
/// The day the open purchase orders bring the units <paramref name="Sku"/>'s line waits for (null: they fall short), as
/// the order worked it out from every warehouse where the line waits.
/// </summary>
public sealed record RecordExpectedDayCommand(string Sku, DateOnly? Day, Actor By, DateTimeOffset At) : OrderCommand(By, At);