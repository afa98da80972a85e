using OrderGrid.Planning;
using OrderGrid.Planning.Recommendations;

namespace OrderGrid.Tests.Planning.Recommendations;

[Trait(Lane.Name, Lane.Models)]
public sealed class RecommendationModelTests
{
    private static readonly DateOnly Day = new(2011, 3, 1);

    private static RecommendationModel Model => RecommendationSample.Model;

    [Fact]
    public void Two_trainings_on_the_same_purchases_give_identical_lists()
    {
        var again = RecommendationModel.Train([.. RecommendationSample.Purchases.Reverse()]);

        Assert.Equal(Model.Customers, again.Customers);
        Assert.Equal(Model.Products, again.Products);
        Assert.Equal(Answers(Model), Answers(again));
    }

    [Fact]
    public void A_saved_model_loads_with_identical_answers()
    {
        using var stream = new MemoryStream();
        Model.Save(stream);
        stream.Position = 0;

        var loaded = RecommendationModel.Load(stream);

        Assert.Equal(Model.Customers, loaded.Customers);
        Assert.Equal(Model.Products, loaded.Products);
        Assert.Equal(Answers(Model), Answers(loaded));
    }

    [Fact]
    public void A_stream_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);

        Assert.ThrowsAny<Exception>(() => RecommendationModel.Load(stream));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(25)]
    public void Every_list_holds_k_products_when_there_are_that_many(int k)
    {
        var customer = RecommendationSample.BusyCustomers[0];

        Assert.Equal(k, Model.ForCustomer(customer, k, RecommendationMode.Usual, _ => true).Count);
        Assert.Equal(k, Model.ForCustomer(customer, k, RecommendationMode.Discover, _ => true).Count);
        Assert.Equal(k, Model.ForCustomer("no such customer", k, RecommendationMode.Usual, _ => true).Count);
        Assert.Equal(k, Model.ForBasket(customer, ["85123A"], k, _ => true).Count);
        Assert.Equal(k, Model.ForBasket(null, ["85123A"], k, _ => true).Count);
        Assert.True(Model.BoughtTogether("85123A", k, _ => true).Count <= k);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.ForCustomer(customer, 0, RecommendationMode.Usual, _ => true));
    }

    [Fact]
    public void Products_the_catalogue_refuses_are_never_offered_and_the_list_stays_full()
    {
        var customer = RecommendationSample.BusyCustomers[1];
        var refused = Model.ForCustomer(customer, 10, RecommendationMode.Usual, _ => true).Take(5).Select(r => r.Sku)
            .Concat(Model.ForCustomer(customer, 10, RecommendationMode.Discover, _ => true).Take(5).Select(r => r.Sku))
            .Concat(Model.BoughtTogether("85123A", 3, _ => true).Select(r => r.Sku))
            .ToHashSet();
        bool Offerable(string sku) => !refused.Contains(sku);

        foreach (var list in (IReadOnlyList<ProductRecommendation>[])[
            Model.ForCustomer(customer, 10, RecommendationMode.Usual, Offerable),
            Model.ForCustomer(customer, 10, RecommendationMode.Discover, Offerable),
            Model.ForBasket(customer, ["85123A"], 10, Offerable),
            Model.ForBasket(null, ["85123A"], 10, Offerable)])
        {
            Assert.Equal(10, list.Count);
            Assert.DoesNotContain(list, r => refused.Contains(r.Sku));
        }

        Assert.DoesNotContain(Model.BoughtTogether("85123A", 10, Offerable), r => refused.Contains(r.Sku));
    }

    [Fact]
    public void Discover_offers_only_products_the_customer_never_bought()
    {
        foreach (var customer in RecommendationSample.BusyCustomers)
        {
            var bought = RecommendationSample.Purchases.Where(p => p.CustomerId == customer).Select(p => p.Sku).ToHashSet();

            var discover = Model.ForCustomer(customer, 10, RecommendationMode.Discover, _ => true);

            Assert.NotEmpty(discover);
            Assert.DoesNotContain(discover, r => bought.Contains(r.Sku));
            Assert.All(discover, r => Assert.DoesNotContain("you bought", r.Reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Usual_lists_are_ranked_best_first_with_a_plain_reason()
    {
        var list = Model.ForCustomer(RecommendationSample.BusyCustomers[0], 10, RecommendationMode.Usual, _ => true);

        Assert.Equal(list.OrderByDescending(r => r.Score).Select(r => r.Score), list.Select(r => r.Score));
        Assert.Equal(10, list.Select(r => r.Sku).Distinct().Count());
        Assert.All(list, r => Assert.Matches("^(you buy it regularly|you bought it before|often bought with .+|popular this month|popular with our customers)$", r.Reason));
    }

    [Fact]
    public void A_basket_never_gets_its_own_products_back()
    {
        string[] basket = ["85123A", "22423"];

        var offered = Model.ForBasket(RecommendationSample.BusyCustomers[2], basket, 10, _ => true);

        Assert.DoesNotContain(offered, r => basket.Contains(r.Sku));
    }

    [Fact]
    public void Bought_together_ranks_partners_by_the_share_of_baskets_they_share()
    {
        // A is in 4 baskets: with B in 3 (75 %), with C in 2 (50 %). B with C and B with D share one basket each:
        // below the 2 baskets needed. D is bought with nothing twice.
        var model = RecommendationModel.Train(Baskets(
            ("c1", "A B C"),
            ("c2", "A B"),
            ("c3", "A C"),
            ("c4", "A B"),
            ("c5", "D"),
            ("c6", "B D")));

        Assert.Equal([("B", 0.75), ("C", 0.5)], model.BoughtTogether("A", 10, _ => true).Select(r => (r.Sku, r.Score)));
        Assert.Equal(["B"], model.BoughtTogether("A", 1, _ => true).Select(r => r.Sku));
        Assert.Equal(["C"], model.BoughtTogether("A", 10, sku => sku != "B").Select(r => r.Sku));
        Assert.Equal([("A", 0.75)], model.BoughtTogether("B", 10, _ => true).Select(r => (r.Sku, r.Score)));
        Assert.Empty(model.BoughtTogether("D", 10, _ => true));
        Assert.Empty(model.BoughtTogether("unknown", 10, _ => true));
        Assert.Equal("often bought with A", model.BoughtTogether("A", 1, _ => true)[0].Reason);
        Assert.Equal(6, model.Customers);
        Assert.Equal(4, model.Products);
    }

    [Fact]
    public void A_history_too_short_to_learn_from_still_recommends()
    {
        var model = RecommendationModel.Train(Baskets(("c1", "A B C"), ("c2", "A B"), ("c3", "D")));

        Assert.Equal(["C", "D"], model.ForCustomer("c2", 2, RecommendationMode.Discover, _ => true).Select(r => r.Sku).Order());
        Assert.Equal(4, model.ForCustomer("c2", 10, RecommendationMode.Usual, _ => true).Count);
    }

    private static List<Purchase> Baskets(params (string Customer, string Skus)[] baskets) =>
    [
        .. baskets.SelectMany((basket, i) => basket.Skus.Split(' ').Select(sku => new Purchase(basket.Customer, $"b{i}", sku, Day, 1, 1m))),
    ];

    private static List<string> Answers(RecommendationModel model)
    {
        var answers = new List<string>();
        foreach (var customer in RecommendationSample.BusyCustomers.Append("no such customer"))
        {
            foreach (var mode in (RecommendationMode[])[RecommendationMode.Usual, RecommendationMode.Discover])
            {
                answers.AddRange(model.ForCustomer(customer, 10, mode, _ => true).Select(r => $"{customer} {mode} {r}"));
            }

            answers.AddRange(model.ForBasket(customer, ["85123A", "47566"], 10, _ => true).Select(r => $"{customer} basket {r}"));
        }

        answers.AddRange(model.BoughtTogether("85123A", 10, _ => true).Select(r => $"together {r}"));
        return answers;
    }
}