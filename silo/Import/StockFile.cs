using System.Globalization;

using OrderGrid.Api.Catalog;

namespace OrderGrid.Silo.Import;

/// <summary>
/// Reads and validates the shape of a stock import file: header <c>warehouseId,sku,quantity[,reason]</c>, one
/// receipt a row. Whether the warehouse and the product exist is checked against the grains by <see cref="StockImport"/>.
/// </summary>
public static class StockFile
{
    public const int MaxQuantity = 1_000_000;

    public const int MaxReasonLength = 500;

    private static readonly string[] Header = ["warehouseId", "sku", "quantity"];

    private static readonly string[] HeaderWithReason = [.. Header, "reason"];

    public static ValidatedRows<ReceiptLine> Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var rows = new List<ReceiptLine>();
        var bad = new List<BadRow>();
        var header = csv.Read();
        var columns = header is null ? 0 : ImportFiles.HasHeader(header, Header) ? 3 : ImportFiles.HasHeader(header, HeaderWithReason) ? 4 : 0;
        if (columns == 0)
        {
            return new([], [new BadRow(1, "The file must start with the header 'warehouseId,sku,quantity' or 'warehouseId,sku,quantity,reason'.")]);
        }

        foreach (var record in csv.ReadAll())
        {
            if (record.IsBlank)
            {
                continue;
            }

            var reasons = new List<string>();
            if (record.Malformed is { } malformed)
            {
                reasons.Add(malformed);
            }
            else if (record.Fields.Count != columns)
            {
                reasons.Add($"Expected {columns} fields, found {record.Fields.Count}.");
            }
            else
            {
                var warehouseId = record.Fields[0].Trim();
                var sku = record.Fields[1].Trim();
                var quantityText = record.Fields[2].Trim();
                var reason = columns == 4 && record.Fields[3].Trim() is { Length: > 0 } text ? text : null;
                if (warehouseId.Length == 0)
                {
                    reasons.Add("The warehouse id is missing.");
                }

                if (!Skus.IsWellFormed(sku))
                {
                    reasons.Add($"SKU '{sku}' is not 1 to {Skus.MaxLength} letters, digits, '-', '_' or '.'.");
                }

                if (!int.TryParse(quantityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity)
                    || quantity is < 1 or > MaxQuantity)
                {
                    reasons.Add($"Quantity '{quantityText}' must be a whole number from 1 to {MaxQuantity:N0}.");
                }

                if (reason?.Length > MaxReasonLength)
                {
                    reasons.Add($"The reason is longer than {MaxReasonLength} characters.");
                }

                if (reasons.Count == 0)
                {
                    rows.Add(new ReceiptLine(record.Line, warehouseId, sku, quantity, reason));
                }
            }

            if (reasons.Count > 0)
            {
                bad.Add(new BadRow(record.Line, string.Join(" ", reasons)));
            }
        }

        return new(rows, bad);
    }
}