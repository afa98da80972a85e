namespace OrderGrid.Silo.Import;

/// <summary>A row of a history file: either a sales line or the reason it is bad.</summary>
public readonly record struct HistoryRecord(SalesLine? Line, BadRow? Problem);