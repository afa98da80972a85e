using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Import;

[Trait(Lane.Name, Lane.Fast)]
public sealed class CatalogFileTests
{
    [Fact]
    public void A_valid_file_yields_every_product_with_its_line()
    {
        var file = CatalogFile.Read(new StringReader("sku,name,unitPrice\n85123A,\"HEART T-LIGHT HOLDER, WHITE\",2.55\n\n22423,Cake Stand,12.75\n"));

        Assert.True(file.IsValid);
        Assert.Equal(
            [new ProductLine(2, "85123A", "HEART T-LIGHT HOLDER, WHITE", 2.55m), new ProductLine(4, "22423", "Cake Stand", 12.75m)],
            file.Rows);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_why()
    {
        var file = CatalogFile.Read(new StringReader(string.Join('\n',
            "sku,name,unitPrice",
            "GOOD-1,Good,1.00",
            "BAD SKU,Spaces are not allowed,1.00",
            "NONAME,,1.00",
            "FREE,Free,0",
            "CENTS,Too precise,1.005",
            "WORDS,Not a price,abc",
            "good-1,Same SKU in another case,2.00",
            "SHORT,Two fields",
            $"LONG,{new string('x', 201)},1.00")));

        Assert.False(file.IsValid);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10], file.BadRows.Select(r => r.Line));
        Assert.Contains("SKU 'BAD SKU'", file.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("name", file.BadRows[1].Reason, StringComparison.Ordinal);
        Assert.Contains("above 0", file.BadRows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("2 decimals", file.BadRows[3].Reason, StringComparison.Ordinal);
        Assert.Contains("not a number", file.BadRows[4].Reason, StringComparison.Ordinal);
        Assert.Contains("already on line 2", file.BadRows[5].Reason, StringComparison.Ordinal);
        Assert.Contains("found 2", file.BadRows[6].Reason, StringComparison.Ordinal);
        Assert.Contains("name", file.BadRows[7].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_refused_on_line_1()
    {
        var file = CatalogFile.Read(new StringReader("85123A,Holder,2.55\n"));

        Assert.Equal(1, Assert.Single(file.BadRows).Line);
        Assert.Empty(file.Rows);
    }
}