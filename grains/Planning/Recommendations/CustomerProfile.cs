namespace OrderGrid.Planning.Recommendations;

/// <summary>A customer's baskets by day and what they say: each product bought (how often, first and last day), their last basket, their rhythm.</summary>
internal sealed class CustomerProfile
{
    private const int RecentDays = 90;

    private CustomerProfile(IReadOnlyList<Basket> baskets, Dictionary<int, OwnedProduct> items, int recentBaskets)
    {
        Baskets = baskets;
        Items = items;
        Owned = [.. items.Keys.Order()];
        RecentBaskets = recentBaskets;
        First = baskets.Count == 0 ? default : baskets[0].Day;
        Last = baskets.Count == 0 ? default : baskets[^1].Day;
        LastBasket = [.. baskets.Where(b => b.Day == Last).SelectMany(b => b.Items).Distinct().Order()];
    }

    public static CustomerProfile Empty { get; } = new([], [], 0);

    /// <summary>By day, oldest first.</summary>
    public IReadOnlyList<Basket> Baskets { get; }

    public Dictionary<int, OwnedProduct> Items { get; }

    /// <summary>The products bought, by number.</summary>
    public int[] Owned { get; }

    /// <summary>The products of the last day they bought.</summary>
    public int[] LastBasket { get; }

    public int RecentBaskets { get; }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    /// <param name="now">The day after the baskets: "recent" counts back from it.</param>
    public static CustomerProfile From(IEnumerable<Basket> baskets, DateOnly now)
    {
        var byDay = baskets.OrderBy(b => b.Day).ToList();
        var items = new Dictionary<int, OwnedProduct>();
        foreach (var basket in byDay)
        {
            foreach (var item in basket.Items)
            {
                items[item] = items.TryGetValue(item, out var seen)
                    ? seen with { Baskets = seen.Baskets + 1, Last = basket.Day }
                    : new OwnedProduct(1, basket.Day, basket.Day);
            }
        }

        return new CustomerProfile(byDay, items, byDay.Count(b => b.Day >= now.AddDays(-RecentDays)));
    }
}