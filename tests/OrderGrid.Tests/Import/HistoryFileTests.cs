using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Import;

[Trait(Lane.Name, Lane.Fast)]
public sealed class HistoryFileTests
{
    [Theory]
    [InlineData("536365", "85123A", 6, "2.55", SalesLineKind.Sale)]
    [InlineData("536365", "15056BL", 2, "5.95", SalesLineKind.Sale)]
    [InlineData("C536383", "35004C", -1, "4.65", SalesLineKind.Cancellation)]
    [InlineData("536589", "21777", -10, "0", SalesLineKind.Cancellation)]
    [InlineData("C536379", "D", -1, "27.50", SalesLineKind.NonProduct)]
    [InlineData("536370", "POST", 3, "18.00", SalesLineKind.NonProduct)]
    [InlineData("536370", "DOT", 1, "569.77", SalesLineKind.NonProduct)]
    [InlineData("536370", "M", 1, "0.55", SalesLineKind.NonProduct)]
    [InlineData("536370", "BANK CHARGES", 1, "15.00", SalesLineKind.NonProduct)]
    [InlineData("536370", "AMAZONFEE", 1, "13541.33", SalesLineKind.NonProduct)]
    [InlineData("536370", "C2", 1, "50.00", SalesLineKind.NonProduct)]
    [InlineData("536370", "PADS", 1, "0.001", SalesLineKind.NonProduct)]
    [InlineData("536370", "CRUK", 1, "1.00", SalesLineKind.NonProduct)]
    [InlineData("536370", "S", 1, "1.00", SalesLineKind.NonProduct)]
    [InlineData("536370", "DCGSSGIRL", 1, "3.29", SalesLineKind.NonProduct)]
    [InlineData("536370", "GIFT_0001_20", 1, "16.67", SalesLineKind.NonProduct)]
    [InlineData("536370", "1234", 1, "1.00", SalesLineKind.NonProduct)]
    [InlineData("A563185", "B", 1, "11062.06", SalesLineKind.NonProduct)]
    [InlineData("A563186", "B", 1, "-11062.06", SalesLineKind.Adjustment)]
    public void Rows_are_classified_by_invoice_code_quantity_and_price(string invoiceNo, string stockCode, int quantity, string unitPrice, SalesLineKind kind) =>
        Assert.Equal(kind, SalesLine.Classify(invoiceNo, stockCode, quantity, decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_row_keeps_its_invoice_position_upper_cases_its_code_and_reads_quoted_descriptions()
    {
        var file = HistoryFile.ReadAll(new StringReader(string.Join('\n',
            HistorySample.Header,
            "536381,82567,\"AIRLINE LOUNGE,METAL SIGN\",2,2010-12-01 09:41:00,2.1,15311,United Kingdom",
            "536382,85123a,,6,2010-12-01 09:45:00,2.55,,United Kingdom",
            "536381,22423,\"RECORD FRAME 7\"\" SINGLE\",1,2010-12-01 09:41:00,12.75,15311,United Kingdom")));

        Assert.True(file.IsValid);
        var (first, second, third) = (file.Rows[0], file.Rows[1], file.Rows[2]);
        Assert.Equal(("536381", 1, "AIRLINE LOUNGE,METAL SIGN", "15311"), (first.InvoiceNo, first.LineNo, first.Description, first.CustomerId));
        Assert.Equal(new DateTime(2010, 12, 1, 9, 41, 0, DateTimeKind.Utc), first.InvoicedAt);
        Assert.Equal(DateTimeKind.Utc, first.InvoicedAt.Kind);
        Assert.Equal(("85123A", 1, null, null), (second.StockCode, second.LineNo, second.Description, second.CustomerId));
        Assert.Equal(("536381", 2, "RECORD FRAME 7\" SINGLE"), (third.InvoiceNo, third.LineNo, third.Description));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line()
    {
        var file = HistoryFile.ReadAll(new StringReader(string.Join('\n',
            HistorySample.Header,
            "536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
            "536365,71053,LANTERN,6,01/12/2010 08:26,3.39,17850,United Kingdom",
            "536365,84406B,HANGER,eight,2010-12-01 08:26:00,2.75,17850,United Kingdom",
            "536365,84029G,BOTTLE,6,2010-12-01 08:26:00,£3.39,17850,United Kingdom",
            ",84029E,WOOLLY HOTTIE,6,2010-12-01 08:26:00,3.39,17850,United Kingdom",
            "536366,,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850,United Kingdom",
            "536366,22632,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850",
            "536367,84879,BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047,United Kingdom")));

        Assert.Equal([3, 4, 5, 6, 7, 8], file.BadRows.Select(r => r.Line));
        Assert.Contains("InvoiceDate", file.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Quantity", file.BadRows[1].Reason, StringComparison.Ordinal);
        Assert.Contains("UnitPrice", file.BadRows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("InvoiceNo", file.BadRows[3].Reason, StringComparison.Ordinal);
        Assert.Contains("StockCode", file.BadRows[4].Reason, StringComparison.Ordinal);
        Assert.Contains("found 7", file.BadRows[5].Reason, StringComparison.Ordinal);
        Assert.Equal(2, file.Rows.Count);
    }

    [Fact]
    public void A_file_in_another_format_is_refused_on_line_1()
    {
        var file = HistoryFile.ReadAll(new StringReader("sku,name,unitPrice\n85123A,Holder,2.55\n"));

        Assert.Equal(1, Assert.Single(file.BadRows).Line);
    }

    [Theory]
    [InlineData("history.csv.gz")]
    [InlineData("history.csv")]
    public void Gzip_is_recognised_by_its_extension_or_its_first_bytes(string name)
    {
        var folder = Directory.CreateTempSubdirectory("og-history-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            HistorySample.WriteGzip(path, $"{HistorySample.Header}\n536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n");

            using var reader = ImportFiles.OpenText(path, out _);
            var file = HistoryFile.ReadAll(reader);

            Assert.Equal("85123A", Assert.Single(file.Rows).StockCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}