using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Import;

[Trait(Lane.Name, Lane.Fast)]
public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], records[0].Fields);
        Assert.Equal(["two\nlines", "x", ""], records[1].Fields);
    }

    [Fact]
    public void Each_record_carries_the_line_it_starts_on()
    {
        var records = Read("h1,h2\n\"multi\nline\",1\n\nlast,2");

        Assert.Equal([1, 2, 4, 5], records.Select(r => r.Line));
        Assert.True(records[2].IsBlank);
    }

    [Fact]
    public void A_quote_that_never_closes_is_reported_on_the_line_it_opens()
    {
        var records = Read("a,b\n1,\"open\n2,3\n");

        Assert.Equal(2, records[1].Line);
        Assert.NotNull(records[1].Malformed);
    }

    private static List<CsvRecord> Read(string text) => [.. new CsvRecordReader(new StringReader(text)).ReadAll()];
}