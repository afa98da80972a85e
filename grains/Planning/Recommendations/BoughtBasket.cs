namespace OrderGrid.Planning.Recommendations;

/// <summary>The distinct products (SKUs in ordinal order) a customer bought in one basket (invoice or order), on the day of its first line.</summary>
internal sealed record BoughtBasket(string CustomerId, DateOnly Day, string[] Skus)
{
    /// <summary>The purchases grouped by customer and basket, by customer, day and basket id: the same purchases in any order give the same list.</summary>
    public static List<BoughtBasket> Of(IEnumerable<Purchase> purchases) =>
    [
        .. purchases
            .GroupBy(p => (p.CustomerId, p.BasketId))
            .Select(b => (b.Key.BasketId, Basket: new BoughtBasket(
                b.Key.CustomerId,
                b.Min(p => p.Day),
                [.. b.Select(p => p.Sku).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])))
            .OrderBy(b => b.Basket.CustomerId, StringComparer.Ordinal)
            .ThenBy(b => b.Basket.Day)
            .ThenBy(b => b.BasketId, StringComparer.Ordinal)
            .Select(b => b.Basket),
    ];
}