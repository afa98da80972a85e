namespace OrderGrid.Silo.Import;

/// <summary>A row of an import file that cannot be imported, and why. Lines count from 1, the header included.</summary>
public sealed record BadRow(int Line, string Reason);