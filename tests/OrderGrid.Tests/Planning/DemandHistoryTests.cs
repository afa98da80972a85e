using OrderGrid.Planning;
using OrderGrid.Silo.Planning;
using OrderGrid.Tests.Import;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Fast)]
public sealed class DemandHistoryTests
{
    private const string History = HistorySample.Header + """

        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-03-01 08:26:00,2.55,17850,United Kingdom
        536366,85123a,WHITE HANGING HEART T-LIGHT HOLDER,4,2011-03-01 15:00:00,2.45,17851,United Kingdom
        C536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-03-02 09:00:00,2.55,17850,United Kingdom
        536368,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-5,2011-03-02 09:30:00,0,,United Kingdom
        536369,POST,POSTAGE,1,2011-03-02 10:00:00,18.00,12583,France
        536370,22423,REGENCY CAKESTAND 3 TIER,0,2011-03-03 10:00:00,12.75,12583,France
        536371,22423,REGENCY CAKESTAND 3 TIER,2,2011-03-04 11:00:00,0,12583,France
        536372,22423,REGENCY CAKESTAND 3 TIER,1,2011-03-04 12:00:00,12.75,12583,France
        A563185,B,Adjust bad debt,1,2011-03-04 14:50:00,-11062.06,,United Kingdom
        """;

    [Fact]
    public void Cancellations_non_product_codes_and_free_lines_are_counted_and_left_out()
    {
        var sales = PlanningSales.Read(new StringReader(History));

        Assert.Equal(
            [new ProductSale("85123A", new(2011, 3, 1), 6, 2.55m), new ProductSale("85123A", new(2011, 3, 1), 4, 2.45m), new ProductSale("22423", new(2011, 3, 4), 1, 12.75m)],
            sales.Sales);
        Assert.Equal((2, 1, 1, 2, 0), (sales.Cancellations, sales.NonProducts, sales.Adjustments, sales.FreeOrEmpty, sales.BadRows.Count));
    }

    [Fact]
    public void Every_day_of_the_range_has_a_value_zero_when_nothing_sold()
    {
        var sales = PlanningSales.Read(new StringReader(History)).Sales;

        var history = DemandHistory.Build(sales, new(2011, 2, 28), new(2011, 3, 6));

        Assert.Equal(["22423", "85123A"], history.Skus);
        Assert.Equal([0f, 10f, 0f, 0f, 0f, 0f], history.Quantities("85123A").ToArray());
        Assert.Equal([0f, 0f, 0f, 0f, 1f, 0f], history.Quantities("22423").ToArray());
        Assert.Equal(6 * 2.55f + (4 * 2.45f), history.Revenues("85123A")[1], 3);
    }

    [Fact]
    public void A_history_cut_before_a_day_keeps_only_the_skus_sold_before_it()
    {
        var sales = PlanningSales.Read(new StringReader(History)).Sales;

        var before = DemandHistory.Build(sales, new(2011, 2, 28), new(2011, 3, 6)).Before(new(2011, 3, 3));

        Assert.Equal(["85123A"], before.Skus);
        Assert.Equal(3, before.DayCount);
        Assert.Equal(new DateOnly(2011, 3, 3), before.End);
    }

    [Fact]
    public void A_sale_without_a_positive_quantity_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DemandHistory.Build([new ProductSale("22423", new(2011, 3, 1), -1, 1m)], new(2011, 3, 1), new(2011, 3, 2)));
    }
}