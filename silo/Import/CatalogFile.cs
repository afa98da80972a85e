using System.Globalization;

using OrderGrid.Api.Catalog;

namespace OrderGrid.Silo.Import;

/// <summary>Reads and validates a catalog import file: header <c>sku,name,unitPrice</c>, one product a row.</summary>
public static class CatalogFile
{
    public const int MaxNameLength = 200;

    public const decimal MaxUnitPrice = 1_000_000m;

    private static readonly string[] Header = ["sku", "name", "unitPrice"];

    /// <summary>Every row is checked, so that one run reports every problem of the file.</summary>
    public static ValidatedRows<ProductLine> Read(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var rows = new List<ProductLine>();
        var bad = new List<BadRow>();
        if (csv.Read() is not { } header || !ImportFiles.HasHeader(header, Header))
        {
            return new([], [new BadRow(1, $"The file must start with the header '{string.Join(',', Header)}'.")]);
        }

        // SKUs are compared ignoring case: "85123a" and "85123A" are one product in the retail data.
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
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
            else if (record.Fields.Count != Header.Length)
            {
                reasons.Add($"Expected {Header.Length} fields (sku,name,unitPrice), found {record.Fields.Count}.");
            }
            else
            {
                var sku = record.Fields[0].Trim();
                var name = record.Fields[1].Trim();
                var price = record.Fields[2].Trim();
                if (!Skus.IsWellFormed(sku))
                {
                    reasons.Add($"SKU '{sku}' is not 1 to {Skus.MaxLength} letters, digits, '-', '_' or '.'.");
                }
                else if (!firstLine.TryAdd(sku, record.Line))
                {
                    reasons.Add($"SKU '{sku}' is already on line {firstLine[sku]}.");
                }

                if (name.Length is 0 or > MaxNameLength)
                {
                    reasons.Add($"The name must be 1 to {MaxNameLength} characters.");
                }

                if (!decimal.TryParse(price, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var unitPrice))
                {
                    reasons.Add($"Unit price '{price}' is not a number.");
                }
                else if (unitPrice is <= 0 or > MaxUnitPrice || decimal.Round(unitPrice, 2) != unitPrice)
                {
                    reasons.Add($"Unit price {price} must be above 0, at most {MaxUnitPrice:N0}, with at most 2 decimals.");
                }

                if (reasons.Count == 0)
                {
                    rows.Add(new ProductLine(record.Line, sku, name, unitPrice));
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