using OrderGrid.Planning;
using OrderGrid.Planning.Segments;

namespace OrderGrid.Tests.Planning.Segments;

[Trait(Lane.Name, Lane.Models)]
public sealed class CustomerSegmentModelTests
{
    private static readonly DateOnly AsOf = new(2011, 9, 1);

    private static readonly Lazy<IReadOnlyList<Purchase>> Sample = new(() => PurchaseFile.Read(PlanningSample.Path));

    [Fact]
    public void Customers_who_behave_alike_land_in_the_segment_that_describes_them()
    {
        var population = new Population()
            .Add("champion", 30, daysAgo: (1, 5), baskets: (40, 60), spendPerBasket: 400m)
            .Add("loyal", 30, daysAgo: (10, 30), baskets: (8, 12), spendPerBasket: 200m)
            .Add("newcomer", 30, daysAgo: (2, 10), baskets: (1, 1), spendPerBasket: 80m)
            .Add("fading", 30, daysAgo: (150, 200), baskets: (10, 15), spendPerBasket: 250m)
            .Add("gone", 30, daysAgo: (250, 270), baskets: (1, 1), spendPerBasket: 40m);

        var model = CustomerSegmentModel.Train(population.Purchases, AsOf);

        Assert.All(population.Customers("champion"), c => Assert.Equal(SegmentNames.Champions, model.SegmentOf(c)));
        Assert.All(population.Customers("loyal"), c => Assert.Equal(SegmentNames.Loyal, model.SegmentOf(c)));
        Assert.All(population.Customers("newcomer"), c => Assert.Equal(SegmentNames.Promising, model.SegmentOf(c)));
        Assert.All(population.Customers("fading"), c => Assert.Equal(SegmentNames.AtRisk, model.SegmentOf(c)));
        Assert.All(population.Customers("gone"), c => Assert.Equal(SegmentNames.Lost, model.SegmentOf(c)));
    }

    [Fact]
    public void The_overview_describes_each_segment_by_its_members()
    {
        var population = new Population()
            .Add("champion", 10, daysAgo: (3, 3), baskets: (50, 50), spendPerBasket: 400m)
            .Add("gone", 10, daysAgo: (260, 260), baskets: (1, 1), spendPerBasket: 40m)
            .Add("loyal", 10, daysAgo: (20, 20), baskets: (10, 10), spendPerBasket: 200m)
            .Add("newcomer", 10, daysAgo: (5, 5), baskets: (1, 1), spendPerBasket: 80m)
            .Add("fading", 10, daysAgo: (180, 180), baskets: (12, 12), spendPerBasket: 250m);

        var model = CustomerSegmentModel.Train(population.Purchases, AsOf);

        Assert.Equal(SegmentNames.All, model.Overview.Select(s => s.Name));
        Assert.Equal(SegmentNames.All, model.Names);
        var champions = model.Overview[0];
        Assert.Equal((10, 3d, 50d, 20_000m), (champions.Customers, champions.MeanRecencyDays, champions.MeanOrders, champions.MeanSpend));
        Assert.Equal(SegmentNames.Describe(SegmentNames.Champions), champions.Description);

        // Revenue: champions 200,000 of 200,000 + 400 + 20,000 + 800 + 30,000.
        Assert.Equal(200_000d / 251_200d, champions.ShareOfRevenue, 9);
        Assert.Equal(1d, model.Overview.Sum(s => s.ShareOfRevenue), 9);
        Assert.Equal(50, model.Customers);
    }

    [Fact]
    public void Every_customer_of_the_sample_gets_a_segment_name()
    {
        var model = CustomerSegmentModel.Train(Sample.Value, AsOf);

        var customers = Sample.Value.Select(p => p.CustomerId).Distinct().ToArray();
        Assert.Equal(customers.Length, model.Customers);
        Assert.All(customers, c => Assert.Contains(model.SegmentOf(c), SegmentNames.All));
        Assert.All(model.Overview, s => Assert.True(s.Customers > 0, $"{s.Name} is empty"));
        Assert.Equal(customers.Length, model.Overview.Sum(s => s.Customers));
    }

    [Fact]
    public void The_same_history_gives_the_same_segments()
    {
        var first = CustomerSegmentModel.Train(Sample.Value, AsOf);
        var second = CustomerSegmentModel.Train([.. Sample.Value.Reverse()], AsOf);

        Assert.Equal(first.Overview, second.Overview);
        Assert.All(Sample.Value.Select(p => p.CustomerId).Distinct(), c => Assert.Equal(first.SegmentOf(c), second.SegmentOf(c)));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_segments()
    {
        var model = CustomerSegmentModel.Train(Sample.Value, AsOf);
        using var stream = new MemoryStream();

        model.Save(stream);
        stream.Position = 0;
        var loaded = CustomerSegmentModel.Load(stream);

        Assert.Equal(model.AsOf, loaded.AsOf);
        Assert.Equal(model.Overview, loaded.Overview);
        Assert.Equal(model.Customers, loaded.Customers);
        Assert.All(Sample.Value.Select(p => p.CustomerId).Distinct(), c => Assert.Equal(model.SegmentOf(c), loaded.SegmentOf(c)));
    }

    [Fact]
    public void Loading_something_else_is_refused()
    {
        using var notJson = new MemoryStream("not a model"u8.ToArray());
        using var otherJson = new MemoryStream("""{"format":1,"asOf":"2011-09-01","segments":[]}"""u8.ToArray());

        Assert.Throws<InvalidDataException>(() => CustomerSegmentModel.Load(notJson));
        Assert.Throws<InvalidDataException>(() => CustomerSegmentModel.Load(otherJson));
    }

    [Fact]
    public void Purchases_after_the_day_are_not_seen_and_recency_counts_to_it()
    {
        Purchase[] history =
        [
            new("c-1", "b-1", "SKU", AsOf.AddDays(-10), 1, 5m),
            new("c-1", "b-2", "SKU", AsOf.AddDays(3), 1, 5m),
            new("c-2", "b-3", "SKU", AsOf.AddDays(1), 1, 5m),
        ];

        var model = CustomerSegmentModel.Train(history, AsOf);

        Assert.Null(model.SegmentOf("c-2"));
        var segment = Assert.Single(model.Overview, s => s.Customers > 0);
        Assert.Equal((10d, 1d, 5m), (segment.MeanRecencyDays, segment.MeanOrders, segment.MeanSpend));
    }

    [Fact]
    public void Fewer_customers_than_segments_still_get_distinct_names()
    {
        Purchase[] history =
        [
            new("big", "b-1", "SKU", AsOf.AddDays(-1), 100, 50m),
            new("big", "b-2", "SKU", AsOf, 100, 50m),
            new("small", "b-3", "SKU", AsOf.AddDays(-300), 1, 1m),
        ];

        var model = CustomerSegmentModel.Train(history, AsOf);

        Assert.Equal(SegmentNames.Champions, model.SegmentOf("big"));
        Assert.Equal(SegmentNames.Lost, model.SegmentOf("small"));
    }

    [Fact]
    public void No_history_gives_empty_segments()
    {
        var model = CustomerSegmentModel.Train([], AsOf);

        Assert.Equal(0, model.Customers);
        Assert.Equal(SegmentNames.All, model.Overview.Select(s => s.Name));
        Assert.All(model.Overview, s => Assert.Equal(0, s.Customers));
    }

    /// <summary>Hand-made customers: each group's members buy alike, spread evenly over the ranges given.</summary>
    private sealed class Population
    {
        private readonly List<Purchase> purchases = [];
        private readonly Dictionary<string, List<string>> groups = [];

        public IReadOnlyList<Purchase> Purchases => purchases;

        public List<string> Customers(string group) => groups[group];

        public Population Add(string group, int customers, (int Min, int Max) daysAgo, (int Min, int Max) baskets, decimal spendPerBasket)
        {
            var members = groups[group] = [];
            for (var i = 0; i < customers; i++)
            {
                var customer = $"{group}-{i}";
                members.Add(customer);
                var last = daysAgo.Min + (i * (daysAgo.Max - daysAgo.Min) / Math.Max(1, customers - 1));
                var count = baskets.Min + (i * (baskets.Max - baskets.Min) / Math.Max(1, customers - 1));
                for (var b = 0; b < count; b++)
                {
                    // Baskets every 3 days back from the last one; each is two lines making up the basket's spend.
                    var day = AsOf.AddDays(-last - (3 * b));
                    purchases.Add(new Purchase(customer, $"{customer}-b{b}", "SKU-A", day, 1, spendPerBasket / 2));
                    purchases.Add(new Purchase(customer, $"{customer}-b{b}", "SKU-B", day, 2, spendPerBasket / 4));
                }
            }

            return this;
        }
    }
}