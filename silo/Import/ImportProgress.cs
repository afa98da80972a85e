namespace OrderGrid.Silo.Import;

/// <summary>How far an import has read its file. Bytes are of the file on disk (compressed, for a gzip file).</summary>
public readonly record struct ImportProgress(long Rows, long BytesRead, long BytesTotal);