using OrderGrid.Planning;
using OrderGrid.Planning.Recommendations;

namespace OrderGrid.Tests.Planning.Recommendations;

[Trait(Lane.Name, Lane.Models)]
public sealed class RecommendationBacktestTests
{
    private static readonly DateOnly Cutoff = new(2011, 2, 1);

    [Fact]
    public void The_baselines_follow_the_definitions()
    {
        // Before the cutoff: c1 buys A twice and B once, c2 A and C, c3 D. Popularity (customers): A 2, then B, C, D
        // with 1 each (ties by SKU). In the horizon: c1 buys A and E (E is new to c1), c2 C and D (D is new to c2);
        // c3 buys nothing and c4 was not a customer before: both are left out.
        // c1: buy-again {A, B} → 1/2, popularity {A, B, C, D} → 1/2, popular not bought {C, D} misses E.
        // c2: buy-again {A, C} → 1/2, popularity → 2/2, popular not bought {B, D} holds D.
        var history = new List<Purchase>
        {
            Buy("c1", "i1", "A", -20), Buy("c1", "i1", "B", -20), Buy("c1", "i2", "A", -10),
            Buy("c2", "i3", "A", -15), Buy("c2", "i3", "C", -15),
            Buy("c3", "i4", "D", -5),
            Buy("c1", "i5", "A", 3), Buy("c1", "i5", "E", 3),
            Buy("c2", "i6", "C", 10), Buy("c2", "i7", "D", 27),
            Buy("c4", "i8", "A", 4),
            Buy("c1", "i9", "B", 28),
        };

        var result = RecommendationBacktest.Run(history, Cutoff, 28);

        Assert.Equal(2, result.Customers);
        Assert.Equal(0.5, result.BuyAgainRecallAt10, 10);
        Assert.Equal(0.75, result.PopularityRecallAt10, 10);
        Assert.Equal(0.5, result.PopularityNewItemHitAt10, 10);
        Assert.InRange(result.ModelRecallAt10, 0, 1);
        Assert.InRange(result.ModelNewItemHitAt10, 0, 1);
    }

    [Fact]
    public void Buy_again_takes_the_products_in_the_most_baskets_then_the_latest_bought()
    {
        // S01..S11 once each, S01 oldest; X in two baskets. Top 10: X, then the 9 latest singles (S11 down to S03).
        var past = Enumerable.Range(1, 11).Select(i => Buy("c", $"s{i}", $"S{i:00}", -30 + i))
            .Append(Buy("c", "x1", "X", -40))
            .Append(Buy("c", "x2", "X", -39))
            .Append(Buy("c", "x2", "X", -39));

        Assert.Equal(["X", "S11", "S10", "S09", "S08", "S07", "S06", "S05", "S04", "S03"], RecommendationBacktest.BuyAgain(past));
    }

    [Fact]
    public void A_cutoff_before_any_purchase_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RecommendationBacktest.Run([Buy("c1", "i1", "A", 1)], Cutoff, 28));
    }

    private static Purchase Buy(string customer, string basket, string sku, int day) =>
        new(customer, basket, sku, Cutoff.AddDays(day), 1, 1m);
}