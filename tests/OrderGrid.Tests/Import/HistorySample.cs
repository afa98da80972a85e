using System.IO.Compression;
using System.Text;

namespace OrderGrid.Tests.Import;

/// <summary>Small history files in the Online Retail format, written by the tests that read them.</summary>
public static class HistorySample
{
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    public static void WriteGzip(string path, string text)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}