namespace OrderGrid.Planning.Recommendations;

/// <summary>
/// What the purchases before a day say about customers and products: each customer's products (how many baskets,
/// first and last day), each product's buyers (overall, this month, the month before), and which products are
/// bought in the same basket. Products and customers are numbered in ordinal order of their ids, so the same
/// purchases in any order give the same history.
/// </summary>
internal sealed class ShoppingHistory
{
    private readonly Dictionary<string, int> productIndex;
    private readonly Dictionary<string, CustomerProfile> customers;

    private ShoppingHistory(
        DateOnly now,
        string[] products,
        Dictionary<string, CustomerProfile> customers,
        ProductStats[] stats,
        Neighbour[][] neighbours,
        int[] popular,
        int recentCustomers)
    {
        Now = now;
        Products = products;
        productIndex = products.Select((sku, i) => (sku, i)).ToDictionary(p => p.sku, p => p.i, StringComparer.Ordinal);
        this.customers = customers;
        Stats = stats;
        Neighbours = neighbours;
        Popular = popular;
        RecentCustomers = recentCustomers;
    }

    /// <summary>The day after the history: every "days since" counts to it.</summary>
    public DateOnly Now { get; }

    public string[] Products { get; }

    public ProductStats[] Stats { get; }

    /// <summary>Per product, its co-purchase partners, most likely first.</summary>
    public Neighbour[][] Neighbours { get; }

    /// <summary>Products by buyers this month, then overall, most first.</summary>
    public int[] Popular { get; }

    public int CustomerCount => customers.Count;

    /// <summary>Customers who bought in the last <see cref="RecommendationOptions.RecentDays"/> days (at least 1).</summary>
    public int RecentCustomers { get; }

    public IEnumerable<string> CustomerIds => customers.Keys;

    public CustomerProfile? Customer(string customerId) => customers.GetValueOrDefault(customerId);

    public int? Product(string sku) => productIndex.TryGetValue(sku, out var index) ? index : null;

    /// <summary>The history of the baskets bought before <paramref name="now"/>.</summary>
    public static ShoppingHistory Build(IEnumerable<BoughtBasket> bought, DateOnly now, RecommendationOptions options)
    {
        var before = bought.Where(b => b.Day < now).ToList();
        var products = before.SelectMany(b => b.Skus).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = products.Select((sku, i) => (sku, i)).ToDictionary(p => p.sku, p => p.i, StringComparer.Ordinal);
        var baskets = before
            .Select(b => new Basket(b.CustomerId, b.Day, [.. b.Skus.Select(sku => index[sku]).Order()]))
            .OrderBy(b => b.CustomerId, StringComparer.Ordinal)
            .ThenBy(b => b.Day)
            .ToList();

        var recentFrom = now.AddDays(-options.RecentDays);
        var previousFrom = recentFrom.AddDays(-options.RecentDays);
        var stats = products.Select(_ => new ProductStats()).ToArray();
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        var recentCustomers = 0;
        foreach (var own in baskets.GroupBy(b => b.CustomerId))
        {
            var profile = CustomerProfile.From(own, now);
            profiles.Add(own.Key, profile);
            recentCustomers += profile.Last >= recentFrom ? 1 : 0;
            foreach (var item in own.Where(b => b.Day >= previousFrom && b.Day < recentFrom).SelectMany(b => b.Items).Distinct())
            {
                stats[item].PreviousBuyers++;
            }

            foreach (var (item, owned) in profile.Items)
            {
                var product = stats[item];
                product.Buyers++;
                product.Baskets += owned.Baskets;
                product.RepeatBuyers += owned.Baskets > 1 ? 1 : 0;
                product.RecentBuyers += owned.Last >= recentFrom ? 1 : 0;
                product.First = product.Buyers == 1 || owned.First < product.First ? owned.First : product.First;
                product.Last = owned.Last > product.Last ? owned.Last : product.Last;
            }
        }

        var neighbours = Together(baskets, products, stats, options);
        var popular = Enumerable.Range(0, products.Length)
            .OrderByDescending(i => stats[i].RecentBuyers)
            .ThenByDescending(i => stats[i].Buyers)
            .ThenBy(i => i)
            .ToArray();
        return new ShoppingHistory(now, products, profiles, stats, neighbours, popular, Math.Max(recentCustomers, 1));
    }

    /// <summary>The customer's profile with one more basket bought now (an open cart or a fresh order).</summary>
    public CustomerProfile WithBasket(CustomerProfile? customer, IEnumerable<int> basket) =>
        CustomerProfile.From((customer?.Baskets ?? []).Append(new Basket("", Now, [.. basket.Distinct().Order()])), Now);

    // For each product, counts the baskets every other product shares with it; keeps the partners seen together in
    // at least MinTogether baskets, by the share of the product's baskets that also hold the partner.
    private static Neighbour[][] Together(List<Basket> baskets, string[] products, ProductStats[] stats, RecommendationOptions options)
    {
        var holding = products.Select(_ => new List<int>()).ToArray();
        for (var b = 0; b < baskets.Count; b++)
        {
            foreach (var item in baskets[b].Items)
            {
                holding[item].Add(b);
            }
        }

        var count = new int[products.Length];
        var touched = new List<int>();
        var neighbours = new Neighbour[products.Length][];
        for (var a = 0; a < products.Length; a++)
        {
            foreach (var b in holding[a])
            {
                foreach (var other in baskets[b].Items)
                {
                    if (other != a && count[other]++ == 0)
                    {
                        touched.Add(other);
                    }
                }
            }

            var own = holding[a].Count;
            neighbours[a] = [.. touched
                .Where(other => count[other] >= options.MinTogether)
                .Select(other => new Neighbour(
                    other,
                    count[other],
                    (float)count[other] / own,
                    (float)count[other] * baskets.Count / ((float)own * holding[other].Count)))
                .OrderByDescending(n => n.Confidence)
                .ThenByDescending(n => n.Together)
                .ThenBy(n => n.Product)
                .Take(options.Neighbours)];
            foreach (var other in touched)
            {
                count[other] = 0;
            }

            touched.Clear();
            stats[a].BasketShare = (float)own / Math.Max(baskets.Count, 1);
        }

        return neighbours;
    }
}

/// <summary>One basket: the distinct products (by number, ascending) a customer bought on one invoice or order.</summary>
internal sealed record Basket(string CustomerId, DateOnly Day, int[] Items);

/// <summary>How a product sells: buyers overall, this month and the month before, and how often they come back for it.</summary>
internal sealed class ProductStats
{
    public int Buyers { get; set; }

    public int Baskets { get; set; }

    public int RepeatBuyers { get; set; }

    public int RecentBuyers { get; set; }

    public int PreviousBuyers { get; set; }

    public float BasketShare { get; set; }

    public DateOnly First { get; set; }

    public DateOnly Last { get; set; }
}

/// <summary>
/// A product bought with another: in <see cref="Together"/> of the same baskets, which is <see cref="Confidence"/>
/// of the other product's baskets and <see cref="Lift"/> times what chance would give.
/// </summary>
internal readonly record struct Neighbour(int Product, int Together, float Confidence, float Lift);

/// <summary>One product in a customer's history: in how many of their baskets, first and last day.</summary>
internal readonly record struct OwnedProduct(int Baskets, DateOnly First, DateOnly Last);