using Microsoft.ML.Data;

namespace OrderGrid.Planning.Recommendations;

/// <summary>A product that may be recommended to a customer, described for the ranker, with the plain-words reason it came up.</summary>
internal sealed record Candidate(int Product, float[] Features, string Reason);

/// <summary>One candidate as the ranker reads it; <see cref="Label"/>: the customer bought it in the following days.</summary>
internal sealed class CandidateRow
{
    public bool Label { get; set; }

    [VectorType(CandidateFeatures.Count)]
    public float[] Features { get; set; } = new float[CandidateFeatures.Count];
}

/// <summary>
/// Finds a customer's candidates (their own products, products bought in the same baskets as theirs, popular
/// products) and describes each one: how the customer buys it, how strongly it goes with what they buy, how the
/// customer shops, how the product sells.
/// </summary>
internal static class CandidateFeatures
{
    public const int Count = 24;

    private const float Never = 400f;

    /// <summary>
    /// The candidates of <paramref name="customer"/>, at least <paramref name="atLeast"/> when the history has that many
    /// allowed products; <paramref name="discover"/> keeps only products the customer never bought.
    /// </summary>
    public static List<Candidate> For(
        ShoppingHistory history,
        CustomerProfile customer,
        bool discover,
        RecommendationOptions options,
        Func<int, bool> allowed,
        int atLeast = 0)
    {
        var together = CoPurchase.Of(history, customer);
        var chosen = new List<int>();
        var seen = new HashSet<int>();
        void Add(IEnumerable<int> products, int count)
        {
            foreach (var product in products)
            {
                if (count <= 0)
                {
                    return;
                }

                if ((!discover || !customer.Items.ContainsKey(product)) && allowed(product) && seen.Add(product))
                {
                    chosen.Add(product);
                    count--;
                }
            }
        }

        if (!discover)
        {
            Add(customer.Items.OrderByDescending(i => i.Value.Baskets).ThenByDescending(i => i.Value.Last).ThenBy(i => i.Key).Select(i => i.Key), options.OwnCandidates);
        }

        Add(together.Where(t => !customer.Items.ContainsKey(t.Key)).OrderByDescending(t => t.Value.Sum).ThenBy(t => t.Key).Select(t => t.Key), options.CoPurchaseCandidates);
        Add(history.Popular, Math.Max(options.PopularCandidates, atLeast - chosen.Count));
        return [.. chosen.Select(product => Describe(history, customer, product, together.GetValueOrDefault(product)))];
    }

    private static Candidate Describe(ShoppingHistory history, CustomerProfile customer, int product, CoPurchase together)
    {
        var f = new float[Count];
        var days = (DateOnly day) => (float)(history.Now.DayNumber - day.DayNumber);
        var baskets = customer.Baskets.Count;
        var owned = customer.Items.TryGetValue(product, out var own);
        f[0] = own.Baskets;
        f[1] = baskets == 0 ? 0 : (float)own.Baskets / baskets;
        f[2] = owned ? days(own.Last) : Never;
        f[3] = owned ? days(own.First) : -1;
        f[4] = own.Baskets >= 2 ? days(own.Last) * (own.Baskets - 1) / Math.Max(own.Last.DayNumber - own.First.DayNumber, 1) : -1;
        f[5] = owned ? 1 : 0;
        f[6] = Array.BinarySearch(customer.LastBasket, product) >= 0 ? 1 : 0;
        f[7] = baskets;
        f[8] = customer.RecentBaskets;
        f[9] = baskets == 0 ? Never : days(customer.Last);
        f[10] = baskets == 0 ? 0 : days(customer.First);
        f[11] = customer.Items.Count;
        f[12] = together.Sum;
        f[13] = together.Max;
        f[14] = together.MaxLift;
        f[15] = together.FromLastBasket;
        f[16] = together.Partners;
        var stats = history.Stats[product];
        f[17] = (float)stats.Buyers / Math.Max(history.CustomerCount, 1);
        f[18] = (float)stats.RecentBuyers / history.RecentCustomers;
        f[19] = (stats.RecentBuyers + 1f) / (stats.PreviousBuyers + 1f);
        f[20] = days(stats.First);
        f[21] = stats.Buyers == 0 ? 0 : (float)stats.RepeatBuyers / stats.Buyers;
        f[22] = days(stats.Last);
        f[23] = stats.BasketShare;
        return new Candidate(product, f, Reason(history, own, together, f[19]));
    }

    private static string Reason(ShoppingHistory history, OwnedProduct own, CoPurchase together, float trend) =>
        own.Baskets >= 2 ? "you buy it regularly"
        : own.Baskets == 1 ? "you bought it before"
        : together.Partners > 0 ? $"often bought with {history.Products[together.StrongestPartner]}"
        : trend > 1 ? "popular this month"
        : "popular with our customers";
}

/// <summary>
/// How strongly a product goes with what a customer bought: the sum of its co-purchase confidence over their
/// products (each weighted by the share of their baskets holding it), the strongest one and its partner, the
/// highest lift, the sum over their last basket, and how many of their products it goes with.
/// </summary>
internal readonly record struct CoPurchase(float Sum, float Max, int StrongestPartner, float MaxLift, float FromLastBasket, int Partners)
{
    public static Dictionary<int, CoPurchase> Of(ShoppingHistory history, CustomerProfile customer)
    {
        var together = new Dictionary<int, CoPurchase>();
        var baskets = Math.Max(customer.Baskets.Count, 1);
        foreach (var item in customer.Owned)
        {
            var weight = (float)customer.Items[item].Baskets / baskets;
            var inLastBasket = Array.BinarySearch(customer.LastBasket, item) >= 0;
            foreach (var partner in history.Neighbours[item])
            {
                var seen = together.GetValueOrDefault(partner.Product);
                var strongest = seen.Partners == 0 || partner.Confidence > seen.Max;
                together[partner.Product] = new CoPurchase(
                    seen.Sum + (weight * partner.Confidence),
                    Math.Max(seen.Max, partner.Confidence),
                    strongest ? item : seen.StrongestPartner,
                    Math.Max(seen.MaxLift, partner.Lift),
                    seen.FromLastBasket + (inLastBasket ? partner.Confidence : 0),
                    seen.Partners + 1);
            }
        }

        return together;
    }
}