using System.Globalization;
using System.Runtime.InteropServices;

namespace OrderGrid.Silo.Import;

/// <summary>
/// Streams and validates a sales history file in the Online Retail format: <c>InvoiceNo, StockCode, Description,
/// Quantity, InvoiceDate (YYYY-MM-DD HH:MM:SS), UnitPrice, CustomerID, Country</c>.
/// </summary>
public sealed class HistoryFile(TextReader reader)
{
    public static IReadOnlyList<string> Columns { get; } =
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly CsvRecordReader csv = new(reader);

    // Row identity is (invoice, position within the invoice): the file has no line ids of its own.
    private readonly Dictionary<string, int> linesPerInvoice = new(StringComparer.Ordinal);

    /// <summary>Every row after the header, in file order. A wrong header is reported as a bad line 1 and ends the file.</summary>
    public IEnumerable<HistoryRecord> Read()
    {
        if (csv.Read() is not { } header || !ImportFiles.HasHeader(header, Columns))
        {
            yield return new(null, new BadRow(1, $"The file must start with the header '{string.Join(',', Columns)}'."));
            yield break;
        }

        while (csv.Read() is { } record)
        {
            if (!record.IsBlank)
            {
                yield return Parse(record);
            }
        }
    }

    /// <summary>Reads the whole file (for small files and tests).</summary>
    public static ValidatedRows<SalesLine> ReadAll(TextReader reader)
    {
        var lines = new List<SalesLine>();
        var bad = new List<BadRow>();
        foreach (var (line, problem) in new HistoryFile(reader).Read())
        {
            if (problem is not null)
            {
                bad.Add(problem);
            }
            else
            {
                lines.Add(line!);
            }
        }

        return new(lines, bad);
    }

    private HistoryRecord Parse(CsvRecord record)
    {
        if (record.Malformed is { } malformed)
        {
            return new(null, new BadRow(record.Line, malformed));
        }

        var fields = record.Fields;
        if (fields.Count != Columns.Count)
        {
            return new(null, new BadRow(record.Line, $"Expected {Columns.Count} fields, found {fields.Count}."));
        }

        List<string>? reasons = null;
        var invoiceNo = fields[0].Trim();
        var stockCode = fields[1].Trim().ToUpperInvariant();
        if (invoiceNo.Length == 0)
        {
            (reasons ??= []).Add("InvoiceNo is missing.");
        }

        if (stockCode.Length == 0)
        {
            (reasons ??= []).Add("StockCode is missing.");
        }

        if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
        {
            (reasons ??= []).Add($"Quantity '{fields[3]}' is not a whole number.");
        }

        if (!DateTime.TryParseExact(fields[4].Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var invoicedAt))
        {
            (reasons ??= []).Add($"InvoiceDate '{fields[4]}' is not a date and time written YYYY-MM-DD HH:MM:SS.");
        }

        if (!decimal.TryParse(fields[5], NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var unitPrice))
        {
            (reasons ??= []).Add($"UnitPrice '{fields[5]}' is not a number.");
        }

        if (reasons is not null)
        {
            return new(null, new BadRow(record.Line, string.Join(" ", reasons)));
        }

        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(linesPerInvoice, invoiceNo, out _);
        count++;
        return new(new SalesLine(
            invoiceNo,
            count,
            stockCode,
            NullIfEmpty(fields[2]),
            quantity,
            invoicedAt,
            unitPrice,
            NullIfEmpty(fields[6]),
            NullIfEmpty(fields[7]),
            SalesLine.Classify(invoiceNo, stockCode, quantity, unitPrice)), null);
    }

    private static string? NullIfEmpty(string field) => field.Trim() is { Length: > 0 } text ? text : null;
}