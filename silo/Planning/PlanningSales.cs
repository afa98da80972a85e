using OrderGrid.Planning;
using OrderGrid.Silo.Import;

namespace OrderGrid.Silo.Planning;

/// <summary>
/// A sales history file read for planning: the product sales, the purchases (the product sales that name a
/// customer, with their invoice as the basket), and how many rows were left out and why. The rows are read and
/// classified exactly as the import does (<see cref="HistoryFile"/>, <see cref="SalesLine.Classify"/>).
/// </summary>
public sealed record PlanningSales(
    IReadOnlyList<ProductSale> Sales,
    IReadOnlyList<Purchase> Purchases,
    int Cancellations,
    int NonProducts,
    int Adjustments,
    int FreeOrEmpty,
    IReadOnlyList<BadRow> BadRows)
{
    public static PlanningSales Read(TextReader reader)
    {
        var sales = new List<ProductSale>();
        var purchases = new List<Purchase>();
        var bad = new List<BadRow>();
        int cancellations = 0, nonProducts = 0, adjustments = 0, freeOrEmpty = 0;
        foreach (var (line, problem) in new HistoryFile(reader).Read())
        {
            if (problem is not null)
            {
                bad.Add(problem);
                continue;
            }

            switch (line!.Kind)
            {
                case SalesLineKind.Cancellation:
                    cancellations++;
                    break;
                case SalesLineKind.NonProduct:
                    nonProducts++;
                    break;
                case SalesLineKind.Adjustment:
                    adjustments++;
                    break;
                case SalesLineKind.Sale when line.Quantity <= 0 || line.UnitPrice <= 0:
                    freeOrEmpty++;
                    break;
                default:
                    sales.Add(new ProductSale(line.StockCode, line.Day, line.Quantity, line.UnitPrice));
                    if (!string.IsNullOrWhiteSpace(line.CustomerId))
                    {
                        purchases.Add(new Purchase(line.CustomerId, line.InvoiceNo, line.StockCode, line.Day, line.Quantity, line.UnitPrice));
                    }

                    break;
            }
        }

        return new PlanningSales(sales, purchases, cancellations, nonProducts, adjustments, freeOrEmpty, bad);
    }
}