namespace OrderGrid.Silo.Import;

/// <summary>One CSV record and the file line it starts on (a quoted field may span lines).</summary>
/// <param name="Malformed">Why the record could not be read whole (a quote never closed), or null.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Malformed = null)
{
    public bool IsBlank => Fields is [""];
}