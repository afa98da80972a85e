namespace OrderGrid.Silo.Import;

/// <summary>One row of the imported sales history (table <c>sales_lines</c>).</summary>
/// <param name="LineNo">The row's position within its invoice in the file, from 1: with the invoice number, the row's identity.</param>
/// <param name="StockCode">Upper-cased: the data writes some codes in both cases.</param>
/// <param name="InvoicedAt">UTC: the file has no time zone, and taking its times as UTC keeps every row on the date it was written with.</param>
public sealed record SalesLine(
    string InvoiceNo,
    int LineNo,
    string StockCode,
    string? Description,
    int Quantity,
    DateTime InvoicedAt,
    decimal UnitPrice,
    string? CustomerId,
    string? Country,
    SalesLineKind Kind)
{
    public DateOnly Day => DateOnly.FromDateTime(InvoicedAt);

    /// <summary>How a row is classified; the first rule that holds wins.</summary>
    public static SalesLineKind Classify(string invoiceNo, string stockCode, int quantity, decimal unitPrice) =>
        unitPrice < 0 ? SalesLineKind.Adjustment
        : NonProductCodes.IsNonProduct(stockCode) ? SalesLineKind.NonProduct
        : invoiceNo.StartsWith('C') || invoiceNo.StartsWith('c') || quantity < 0 ? SalesLineKind.Cancellation
        : SalesLineKind.Sale;
}