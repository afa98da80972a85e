using OrderGrid.Planning;

namespace OrderGrid.Tests.Planning;

[Trait(Lane.Name, Lane.Fast)]
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

        var figures = Restock.Calculate(forecast, new StockPosition(5, 0, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = 10 }, Coverage);

        Assert.Equal(new RestockFigures(0, 0, 0, 0, 5, 0, null, null, 28 - 4, null), figures);
    }

    [Fact]
    public void No_demand_and_no_stock_orders_nothing_despite_a_minimum_order()
    {
        // position 0 is at the reorder point 0, but the order-up-to level 0 leaves nothing to order
        var figures = Restock.Calculate(Days(28, 0, 0), new StockPosition(0, 0, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = 10 }, Coverage);

        Assert.Equal(0, figures.OrderQuantity);
    }

    [Fact]
    public void Steady_demand_above_the_reorder_point_orders_nothing()
    {
        // 10 a day, σ 2 a day, lead time 4, z(0.95) = 1.644854
        // lead-time demand 4 × 10 = 40; σ_L = 2 × √4 = 4; safety stock 1.644854 × 4 = 6.579416; reorder point 46.579416
        // order-up-to over 4 + 7 days: 110 + 1.644854 × 2 × √11 = 110 + 10.910724 = 120.910724
        // free 60 > 46.58: no order; cumulative demand 70 > 60 first on day 6; cover 60 / 10 = 6; slack 6 − 4 = 2
        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), new StockPosition(60, 0, 0, []), FourDaysLeadWeeklyReview, Coverage);

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
        var stock = new StockPosition(50, 20, 0, [new IncomingStock(Today.AddDays(2), 10)]);

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
        var stock = new StockPosition(50, 20, 0, [new IncomingStock(Today.AddDays(2), 10)]);
        var policy = FourDaysLeadWeeklyReview with { MinimumOrder = minimumOrder, PackSize = packSize };

        Assert.Equal(ordered, Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), stock, policy, Coverage).OrderQuantity);
    }

    [Fact]
    public void Without_incoming_stock_it_runs_out_the_first_day_demand_exceeds_free_stock()
    {
        // free 50 − 20 = 30; cumulative demand 10, 20, 30, 40: 40 > 30 on day 3; slack 3 − 4 = −1 (an order today is late)
        var figures = Restock.Calculate(Days(28, 10, 0), new StockPosition(50, 20, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(Today.AddDays(3), figures.StockOut);
        Assert.Equal(-1, figures.SlackDays);
        Assert.Equal(3, figures.DaysOfCover!.Value, 6);
    }

    [Fact]
    public void Incoming_stock_counts_from_its_expected_day_on()
    {
        // free 30, +10 on day 2 → supply 30, 30, 40, 40, 40 …; cumulative demand 10, 20, 30, 40, 50: 50 > 40 on day 4
        var stock = new StockPosition(50, 20, 0, [new IncomingStock(Today.AddDays(2), 10)]);

        Assert.Equal(Today.AddDays(4), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Incoming_stock_expected_after_the_stock_out_does_not_prevent_it()
    {
        // free 30, +100 on day 5: cumulative demand 40 > 30 on day 3 still
        var stock = new StockPosition(50, 20, 0, [new IncomingStock(Today.AddDays(5), 100)]);

        Assert.Equal(Today.AddDays(3), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Overdue_incoming_stock_counts_from_the_first_day()
    {
        // free 30, +20 expected yesterday → supply 50 from day 0; 60 > 50 on day 5
        var stock = new StockPosition(50, 20, 0, [new IncomingStock(Today.AddDays(-1), 20)]);

        Assert.Equal(Today.AddDays(5), Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).StockOut);
    }

    [Fact]
    public void Stock_lasting_beyond_the_forecast_has_no_stock_out_date()
    {
        // 28 days × 10 = 280 ≤ 1000; slack = forecast length 28 − lead time 4 = 24
        var figures = Restock.Calculate(Days(28, 10, 0), new StockPosition(1000, 0, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Null(figures.StockOut);
        Assert.Equal(24, figures.SlackDays);
    }

    [Fact]
    public void Backordered_units_are_demand_covered_before_any_forecast_demand()
    {
        // Nothing on the shelf, 494 units backordered (22499 in uk-north): position = 0 − 0 − 494 + 0 = −494.
        // Order up to 120.910724 (as above) − (−494) = 614.91 → 615 units, never "order 1".
        // Orders already wait, so the stock is out today: slack 0 − 4 = −4, late.
        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), new StockPosition(0, 0, 494, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(-494, figures.Position);
        Assert.Equal(615, figures.OrderQuantity);
        Assert.Equal(Today, figures.StockOut);
        Assert.Equal(-4, figures.SlackDays);
        Assert.Equal(0, figures.DaysOfCover);
        Assert.Equal(RestockUrgency.Late, figures.Urgency);
    }

    [Fact]
    public void Stock_reserved_on_the_shelf_and_units_backordered_both_count_against_the_position()
    {
        // 23298: on hand 20, all reserved, 113 backordered, 40 incoming on day 2:
        // position = 20 − 20 − 113 + 40 = −73; order 120.910724 + 73 = 193.91 → 194 (not 48)
        var stock = new StockPosition(20, 20, 113, [new IncomingStock(Today.AddDays(2), 40)]);

        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), stock, FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(-73, figures.Position);
        Assert.Equal(194, figures.OrderQuantity);
        Assert.Equal(RestockUrgency.Late, figures.Urgency);
    }

    [Fact]
    public void Incoming_stock_that_covers_the_backorders_orders_nothing_but_the_waiting_orders_are_watched()
    {
        // 30 backordered, 200 arriving on day 2: position = −30 + 200 = 170 > reorder point 46.58, no order;
        // but orders wait until it arrives: out today, "watch"
        var stock = new StockPosition(0, 0, 30, [new IncomingStock(Today.AddDays(2), 200)]);

        var figures = Restock.Calculate(Days(28, 10, HalfWidthOfSigmaTwo), stock, FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(170, figures.Position);
        Assert.Equal(0, figures.OrderQuantity);
        Assert.Equal(Today, figures.StockOut);
        Assert.Equal(RestockUrgency.Watch, figures.Urgency);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void A_reorder_point_of_zero_with_a_position_of_zero_or_more_is_neither_late_nor_ordered(int onHand)
    {
        // 0.01 a day, 80 % interval 0..0.02: σ = 0.02 / 2.5631031 = 0.0078030 a day
        // reorder point = 0.04 + 1.644854 × 0.0078030 × √4 = 0.0657 (shown as 0.07); order-up-to = 0.11 + 1.644854 × 0.0078030 × √11 = 0.1526
        // a shortfall of at most 0.15 units is no unit; 28 days sell 0.28 units, less than half a unit: no stock-out
        var figures = Restock.Calculate(Days(28, 0.01f, 0.01f), new StockPosition(onHand, 0, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(0.0657, figures.ReorderPoint, 4);
        Assert.Equal(0, figures.OrderQuantity);
        Assert.Null(figures.StockOut);
        Assert.True(figures.SlackDays >= 0);
        Assert.Null(figures.Urgency);
        Assert.Null(figures.DaysOfCover);
    }

    [Fact]
    public void A_slow_seller_with_an_empty_shelf_orders_what_the_next_two_weeks_need_in_time()
    {
        // 0.1 a day, no spread: reorder point 0.4, order-up-to 1.1: order ⌈1.1⌉ = 2 units;
        // cumulative demand reaches half a unit on day 4, when an order placed today arrives: slack 0, order now
        var figures = Restock.Calculate(Days(28, 0.1f, 0), new StockPosition(0, 0, 0, []), FourDaysLeadWeeklyReview, Coverage);

        Assert.Equal(2, figures.OrderQuantity);
        Assert.Equal(Today.AddDays(4), figures.StockOut);
        Assert.Equal(0, figures.SlackDays);
        Assert.Equal(RestockUrgency.OrderNow, figures.Urgency);
    }

    [Theory]
    [InlineData(30, 0, 0, RestockUrgency.Late)] // position 30 ≤ 40: order 80; out on day 3, before an order arrives on day 4
    [InlineData(40, 0, 0, RestockUrgency.OrderNow)] // position 40 ≤ 40: order 70; out on day 4, as an order arrives
    [InlineData(30, 100, 5, RestockUrgency.Watch)] // position 130 > 40: no order; out on day 3, incoming arrives on day 5
    [InlineData(1000, 0, 0, null)] // no order, no stock-out within the forecast
    public void Urgency_says_whether_an_order_is_due_and_arrives_in_time(int free, int incoming, int arrivesOnDay, string? urgency)
    {
        // 10 a day, no spread: reorder point 40, order-up-to 110
        var stock = new StockPosition(free, 0, 0, incoming > 0 ? [new IncomingStock(Today.AddDays(arrivesOnDay), incoming)] : []);

        Assert.Equal(urgency, Restock.Calculate(Days(28, 10, 0), stock, FourDaysLeadWeeklyReview, Coverage).Urgency);
    }

    public static TheoryData<StockPosition, RestockPolicy, int, double> InvalidInputs => new()
    {
        { new StockPosition(-1, 0, 0, []), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, -1, 0, []), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, 0, -1, []), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, 0, 0, [new IncomingStock(Today, -5)]), FourDaysLeadWeeklyReview, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { LeadTimeDays = -1 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { ReviewDays = 0 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 0 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 1 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { ServiceLevel = 1.5 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { MinimumOrder = -1 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview with { PackSize = 0 }, 28, Coverage },
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview, 10, Coverage }, // 10 days < lead time 4 + review 7
        { new StockPosition(10, 0, 0, []), FourDaysLeadWeeklyReview, 28, 1.0 },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Out_of_range_inputs_are_refused(StockPosition stock, RestockPolicy policy, int forecastDays, double coverage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Restock.Calculate(Days(forecastDays, 10, 1), stock, policy, coverage));
    }

    [Fact]
    public void Days_of_cover_is_free_stock_over_the_forecasts_mean_day()
    {
        // 280 units over 28 days = 10 a day: 30 free last 3 days; nothing free lasts no day
        Assert.Equal(3, InventoryHealth.DaysOfCover(30, 280, 28));
        Assert.Equal(0, InventoryHealth.DaysOfCover(-5, 280, 28));

        // 1 unit over 28 days: 30 free last 30 × 28 = 840 days
        Assert.Equal(840, InventoryHealth.DaysOfCover(30, 1, 28));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.0004)] // a forecast that has collapsed to nothing: 30 / (0.0004 / 28) would be 2.1 million days
    [InlineData(0.99)]
    public void A_forecast_of_less_than_one_unit_is_no_demand_forecast_and_has_no_days_of_cover(double forecastTotal)
    {
        Assert.Null(InventoryHealth.DaysOfCover(30, forecastTotal, 28));
    }

    [Fact]
    public void The_median_is_the_middle_value()
    {
        Assert.Equal(3, InventoryHealth.Median([9, 1, 3]));
        Assert.Equal(2.5, InventoryHealth.Median([4, 1, 3, 2]));
        Assert.Null(InventoryHealth.Median([]));
    }

    [Fact]
    public void Turnover_is_units_sold_over_stock_on_hand()
    {
        // 120 sold in the window, 40 on hand: 120 / 40 = 3 turns
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