using System.Text;

namespace OrderGrid.Silo.Import;

/// <summary>
/// Streams RFC 4180 CSV records with the line each starts on: quoted fields may hold commas, doubled quotes
/// and line breaks. Reads whole lines first because <see cref="TextReader.ReadLine"/> is far faster than
/// reading a character at a time, which matters for the 300k-row history file.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder quoted = new();
    private int linesRead;

    /// <summary>The next record, or null at the end of the file.</summary>
    public CsvRecord? Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        var start = ++linesRead;
        var fields = new List<string>(8);
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted.Clear();
                i++;
                while (true)
                {
                    var quote = line.IndexOf('"', i);
                    if (quote < 0)
                    {
                        quoted.Append(line, i, line.Length - i).Append('\n');
                        line = reader.ReadLine();
                        if (line is null)
                        {
                            fields.Add(quoted.ToString());
                            return new CsvRecord(start, fields, "A quoted field is never closed.");
                        }

                        linesRead++;
                        i = 0;
                        continue;
                    }

                    quoted.Append(line, i, quote - i);
                    if (quote + 1 < line.Length && line[quote + 1] == '"')
                    {
                        quoted.Append('"');
                        i = quote + 2;
                        continue;
                    }

                    i = quote + 1;
                    break;
                }

                // Text between a closing quote and the next comma is kept, as spreadsheets do.
                var end = line.IndexOf(',', i);
                quoted.Append(line, i, (end < 0 ? line.Length : end) - i);
                fields.Add(quoted.ToString());
                if (end < 0)
                {
                    break;
                }

                i = end + 1;
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0)
                {
                    fields.Add(line[i..]);
                    break;
                }

                fields.Add(line[i..end]);
                i = end + 1;
            }
        }

        return new CsvRecord(start, fields);
    }

    /// <summary>Every record to the end of the file.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }
}