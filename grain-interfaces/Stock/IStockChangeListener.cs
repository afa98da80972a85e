namespace OrderGrid.Stock;

/// <summary>
/// Hears every stored change of stock on this silo (the live fan-out to planners). Called after the write, on the
/// grain's turn: it must return at once and never throw; a lost notice only delays a screen until the next change.
/// </summary>
public interface IStockChangeListener
{
    void StockChanged(StockLevel level);
}