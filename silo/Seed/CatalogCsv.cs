using System.Globalization;
using System.Text;

namespace OrderGrid.Silo.Seed;

/// <summary>Reads <c>sku,name,unitPrice</c> CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).</summary>
public static class CatalogCsv
{
    public static IReadOnlyList<CatalogRow> Read(TextReader reader)
    {
        var records = Records(reader).ToList();
        if (records.Count == 0 || !records[0].SequenceEqual(["sku", "name", "unitPrice"], StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException("The catalog must start with the header 'sku,name,unitPrice'.");
        }

        var rows = new List<CatalogRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            var fields = records[i];
            if (fields is [""])
            {
                continue;
            }

            if (fields.Count != 3
                || string.IsNullOrWhiteSpace(fields[0])
                || !decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var unitPrice))
            {
                throw new FormatException($"Catalog record {i + 1} is not 'sku,name,unitPrice': {string.Join(",", fields)}");
            }

            rows.Add(new CatalogRow(fields[0].Trim(), fields[1].Trim(), unitPrice));
        }

        return rows;
    }

    private static IEnumerable<List<string>> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("The catalog ends inside a quoted field.");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}