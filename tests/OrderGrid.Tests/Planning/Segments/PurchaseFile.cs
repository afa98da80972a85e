using OrderGrid.Planning;
using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Planning.Segments;

/// <summary>The purchases of known customers in a sales history file: sales rows with a customer, positive quantity and price.</summary>
public static class PurchaseFile
{
    public static IReadOnlyList<Purchase> Read(string path)
    {
        using var reader = ImportFiles.OpenText(path, out _);
        return [.. new HistoryFile(reader).Read()
            .Select(record => record.Line)
            .OfType<SalesLine>()
            .Where(line => line is { Kind: SalesLineKind.Sale, Quantity: > 0, UnitPrice: > 0, CustomerId: not null })
            .Select(line => new Purchase(line.CustomerId!, line.InvoiceNo, line.StockCode, line.Day, line.Quantity, line.UnitPrice))];
    }
}