namespace OrderGrid.Silo.Import;

/// <summary>The rows of a file that passed validation and the ones that did not. A file imports only when none are bad.</summary>
public sealed record ValidatedRows<T>(IReadOnlyList<T> Rows, IReadOnlyList<BadRow> BadRows)
{
    public bool IsValid => BadRows.Count == 0;
}