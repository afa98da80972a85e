using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

public sealed class RestockTests
{
    private const double Coverage = 0.8;

    // z(0.9) = 1.2815516, so an 80 % interval of mean ± 2.5631031 (= 1.2815516 × 2) means σ = 2 a day.
    private const float HalfWidthOfSigmaTwo = 2.5631031f;

    private static readonly DateOnly Today = new(2011, 8, 1);

    private static readonly RestockPolicy FourDaysLeadWeeklyReview = new(LeadTimeDays: 4, ReviewDays: 7, ServiceLevel: 0.95);

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 0.841621)]
    [InlineData(0.9, 1.281552)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.99, 2.326348)]
    [InlineData(0.999, 3.090232)]
    [InlineData(0.01, -2.326348)]
    [InlineData(0.001, -3.090232)]
    public void The_service_factor_is_the_standard_normal_quantile(double serviceLevel, double z)
    {
        Assert.Equal(z, Restock.ServiceFactor(serviceLevel), 6);
    }

    [Fact]
    public void A_days_spread_is_read_from_its_interval()
    {
        // 80 % interval 6..14: σ = (14 − 6) / (2 × z(0.9)) = 8 / 2.5631031 = 3.121217
        Assert.Equal(3.121217, Restock.DailySpread(new ForecastDay(Today, 10, 6, 14), Coverage), 5);
    }

    [Fact]
    public void No_demand_needs_no_stock_and_never_runs_out()
    {
        var forecast = Days(28, 0, 0);

        var figures = Restock.Calculate(forecast, new StockPosition(5, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = 10 }, Coverage);

        Assert.Equal(new RestockFigures(0, 0, 0, 0, 5, 0, null, null, 28 - 4), figures);
    }

    [Fact]
    public void No_demand_and_no_stock_orders_nothing_despite_a_minimum_order()
    {
        // position 0 is at the reorder point 0, but the order-up-to level 0 leaves nothing to order
        var figures = Restock.Calculate(Days(28, 0, 0), new StockPosition(0, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = 10 }, Coverage);

        Assert.Equal(0, figures.OrderQuantity);
    }

    [Fact]
    public void Steady_demand_above_the_reorder_point_orders_nothing()
    {
        // 10 a day, σ 2 a day, lead time 4, z(0.95) = 1.644854
        // lead-time demand 4 × 10 = 40; σ_L = 2 × √4 = 4; safety stock 1.644854 × 4 = 6.579416; reorder point 46.579416
        // order-up-to over 4 + 7 days: 110 + 1.644854 × 2 × √11 = 110 + 10.910724 = 120.910724
        // free 60 > 46.58: no order; cumulative demand 70 > 60 first on day 6; cover 60 / 10 = 6; slack 6 − 4 = 2
        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), new StockPosition(60, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(40, figures.LeadTimeDemand, 4);
        Assert.Equal(6.579416, figures.SafetyStock, 4);
        Assert.Equal(46.579416, figures.ReorderPoint, 4);
        Assert.Equal(120.910724, figures.OrderUpTo, 4);
        Assert.Equal(60, figures.Position);
        Assert.Equal(0, figures.OrderQuantity);
        Assert.Equal(Today.AddDays(6), figures.StockOut);
        Assert.Equal(6, figures.DaysOfCover!.Value, 6);
        Assert.Equal(2, figures.SlackDays);
    }

    [Fact]
    public void At_or_below_the_reorder_point_it_orders_up_to_lead_time_and_review_demand_plus_safety_stock()
    {
        // position = on hand 50 − reserved 20 + incoming 10 = 40 ≤ reorder point 46.58
        // order 120.910724 − 40 = 80.91 → 81 units
        var stock = new StockPosition(50, 20, [new IncomingStock(Today.AddDays(2), 10)]);

        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), stock, FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(40, figures.Position);
        Assert.Equal(81, figures.OrderQuantity);
    }

    [Theory]
    [InlineData(0, 1, 81)] // 81 units as they are
    [InlineData(0, 12, 84)] // 81 / 12 = 6.75 → 7 packs of 12 = 84
    [InlineData(100, 12, 108)] // raised to the minimum 100, 100 / 12 = 8.33 → 9 packs = 108
    [InlineData(96, 12, 96)] // raised to the minimum 96, exactly 8 packs
    public void The_order_is_at_least_the_minimum_and_in_whole_packs(int minimumOrder, int packSize, int ordered)
    {
        var stock = new StockPosition(50, 20, [new IncomingStock(Today.AddDays(2), 10)]);
        var policy = FourDaysLeadWeeklyReview with { MinimumOrder = minimumOrder, PackSize = packSize };

        Assert.Equal(ordered, Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), stock, policy, Coverage).OrderQuantity);
    }

    [Fact]
    public void Without_incoming_stock_it_runs_out_the_first_day_demand_exceeds_free_stock()
    {
        // free 50 − 20 = 30; cumulative demand 10, 20, 30, 40: 40 > 30 on day 3; slack 3 − 4 = −1 (an order today is late)
        var figures = Restock.Calculate(Days(28, 10, 0), new StockPosition(50, 20, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(Today.AddDays(3), figures.StockOut);
        Assert.Equal(-1, figures.SlackDays);
        Assert.Equal(3, figures.DaysOfCover!.Value, 6);
    }

    [Fact]
    public void Incoming_stock_counts_from_its_expected_day_on()
    {
        // free 30, +10 on day 2 → supply 30, 30, 40, 40, 40 …; cumulative demand 10, 20, 30, 40, 50: 50 > 40 on day 4
        var stock = new StockPosition(50, 20, [new IncomingStock(Today.AddDays(2), 10)]);

        Assert.Equal(Today.AddDays(4), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Incoming_stock_expected_after_the_stock_out_does_not_prevent_it()
    {
        // free 30, +100 on day 5: cumulative demand 40 > 30 on day 3 still
        var stock = new StockPosition(50, 20, [new IncomingStock(Today.AddDays(5), 100)]);

        Assert.Equal(Today.AddDays(3), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Overdue_incoming_stock_counts_from_the_first_day()
    {
        // free 30, +20 expected yesterday → supply 50 from day 0; 60 > 50 on day 5
        var stock = new StockPosition(50, 20, [new IncomingStock(Today.AddDays(-1), 20)]);

        Assert.Equal(Today.AddDays(5), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Stock_lasting_beyond_the_forecast_has_no_stock_out_date()
    {
        // 28 days × 10 = 280 ≤ 1000; slack = forecast length 28 − lead time 4 = 24
        var figures = Restock.Calculate(Days(28, 10, 0), new StockPosition(1000, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Null(figures.StockOut);
        Assert.Equal(24, figures.SlackDays);
    }

    public static TheoryData<StockPosition, RestockPolicy, int, double> InvalidInputs => new()
    {
        { new StockPosition(-1, 0, []), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, -1, []), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, 0, [new IncomingStock(Today, -5)]), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { LeadTimeDays = -1 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { ReviewDays = 0 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 0 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 1 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 1.5 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = -1 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview with { PackSize = 0 }, 28, Coverage },
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview, 10, Coverage }, // 10 days < lead time 4 + review 7
        { new StockPosition(10, 0, []), FourDaysLeadWeeklyReview, 28, 1.0 },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Out_of_range_inputs_are_refused(StockPosition stock, RestockPolicy policy, int forecastDays, double coverage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Restock.Calculate(Days(forecastDays, 10, 1), stock, policy, coverage));
    }

    [Fact]
    public void Days_of_cover_is_free_stock_over_daily_demand()
    {
        Assert.Equal(3, InventoryHealth.DaysOfCover(30, 10));
        Assert.Equal(0, InventoryHealth.DaysOfCover(-5, 10));
        Assert.Null(InventoryHealth.DaysOfCover(30, 0));
    }

    [Fact]
    public void Turnover_is_units_sold_over_mean_stock()
    {
        // 120 sold while holding 40 on average: 120 / 40 = 3 turns
        Assert.Equal(3, InventoryHealth.Turnover(120, 40));
        Assert.Null(InventoryHealth.Turnover(120, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => InventoryHealth.Turnover(-1, 40));
    }

    [Theory]
    [InlineData(61, 2, 30, true)] // 61 > 30 days × 2 = 60
    [InlineData(60, 2, 30, false)] // exactly 30 days of cover
    [InlineData(5, 0, 30, true)] // stock with no demand
    [InlineData(0, 0, 30, false)] // nothing held
    public void Overstock_is_more_cover_than_the_threshold(double freeStock, double dailyDemand, int days, bool overstocked)
    {
        Assert.Equal(overstocked, InventoryHealth.IsOverstocked(freeStock, dailyDemand, days));
    }

    [Theory]
    [InlineData(5, 90, true)] // last sale 90 days ago, threshold 90
    [InlineData(5, 89, false)] // sold within the last 90 days
    [InlineData(5, null, true)] // never sold
    [InlineData(0, 200, false)] // nothing on hand
    public void Dead_stock_is_stock_on_hand_unsold_for_the_threshold(int onHand, int? daysSinceLastSale, bool dead)
    {
        var lastSale = daysSinceLastSale is { } days ? Today.AddDays(-days) : (DateOnly?)null;

        Assert.Equal(dead, InventoryHealth.IsDeadStock(onHand, lastSale, Today, 90));
    }

    private static List<ForecastDay> Days(int count, float quantity, float halfWidth) =>
        [.. Enumerable.Range(0, count).Select(i => new ForecastDay(Today.AddDays(i), quantity, Math.Max(0, quantity - halfWidth), quantity + halfWidth))];
}