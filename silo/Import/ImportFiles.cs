using System.IO.Compression;

namespace OrderGrid.Silo.Import;

/// <summary>Opening import files: plain or gzip-compressed text, with the byte position for a progress bar.</summary>
public static class ImportFiles
{
    private const int BufferSize = 1 << 16;

    public static bool HasHeader(CsvRecord record, IReadOnlyList<string> columns) =>
        record.Malformed is null
        && record.Fields.Count == columns.Count
        && record.Fields.Select(f => f.Trim()).SequenceEqual(columns, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Opens the file as text, decompressing when its name ends in <c>.gz</c> or it starts with the gzip magic
    /// bytes. <paramref name="file"/> is the underlying file, whose position tells how far the reading has got.
    /// </summary>
    public static TextReader OpenText(string path, out FileStream file)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            Stream content = IsGzip(path, file) ? new GZipStream(file, CompressionMode.Decompress) : file;
            return new StreamReader(content, detectEncodingFromByteOrderMarks: true, bufferSize: BufferSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static bool IsGzip(string path, FileStream file)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}