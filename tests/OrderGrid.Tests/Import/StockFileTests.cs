using OrderGrid.Silo.Import;

namespace OrderGrid.Tests.Import;

[Trait(Lane.Name, Lane.Fast)]
public sealed class StockFileTests
{
    [Fact]
    public void The_reason_column_is_optional()
    {
        var without = StockFile.Read(new StringReader("warehouseId,sku,quantity\nuk-north,85123A,12\n"));
        var with = StockFile.Read(new StringReader("warehouseId,sku,quantity,reason\nuk-north,85123A,12,\"PO 17, late\"\nuk-south,22423,3,\n"));

        Assert.Equal([new ReceiptLine(2, "uk-north", "85123A", 12, null)], without.Rows);
        Assert.Equal([new ReceiptLine(2, "uk-north", "85123A", 12, "PO 17, late"), new ReceiptLine(3, "uk-south", "22423", 3, null)], with.Rows);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line()
    {
        var file = StockFile.Read(new StringReader(string.Join('\n',
            "warehouseId,sku,quantity",
            "uk-north,85123A,0",
            "uk-north,85123A,1000001",
            "uk-north,85123A,ten",
            ",85123A,5",
            "uk-north,no/slash,5",
            "uk-north,85123A,1000000")));

        Assert.Equal([2, 3, 4, 5, 6], file.BadRows.Select(r => r.Line));
        Assert.Equal(7, Assert.Single(file.Rows).Line);
    }

    [Fact]
    public void The_operation_id_names_the_file_content_and_the_line() =>
        Assert.Equal("import:ab12:7", StockImport.OperationId("ab12", 7));
}