namespace OrderGrid.Silo.Import;

/// <summary>What a history import found in the file and what it changed. When any row is bad, nothing was changed.</summary>
public sealed record HistoryImportResult
{
    /// <summary>The first bad rows (at most <see cref="HistoryImport.MaxBadRowsKept"/>); <see cref="BadRowCount"/> counts them all.</summary>
    public required IReadOnlyList<BadRow> BadRows { get; init; }

    public required int BadRowCount { get; init; }

    public bool Imported => BadRowCount == 0;

    public required long RowsRead { get; init; }

    public required IReadOnlyDictionary<SalesLineKind, long> RowsByKind { get; init; }

    /// <summary>Rows per non-product stock code, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> NonProductCodes { get; init; }

    /// <summary>Rows new to <c>sales_lines</c>; the others of the file were there already (same invoice and position).</summary>
    public required long Inserted { get; init; }

    public long AlreadyPresent => Imported ? RowsRead - Inserted : 0;

    public required int Days { get; init; }

    /// <summary>Distinct product codes sold or cancelled.</summary>
    public required int Skus { get; init; }

    public required int Customers { get; init; }

    /// <summary>Rows of <c>daily_sales</c> (source <c>import</c>) rewritten for the file's days.</summary>
    public required long DailySalesRows { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public long Count(SalesLineKind kind) => RowsByKind.GetValueOrDefault(kind);
}