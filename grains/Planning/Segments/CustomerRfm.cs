namespace OrderGrid.Planning.Segments;

/// <summary>A customer's recency, frequency and monetary value on a day: what the segments are made of.</summary>
/// <param name="RecencyDays">Days from the customer's last purchase to the day (0 when they bought that day).</param>
/// <param name="Orders">Distinct baskets (invoices or orders) the customer bought in.</param>
/// <param name="Spend">Σ quantity × unit price over all their purchases.</param>
public readonly record struct CustomerRfm(string CustomerId, int RecencyDays, int Orders, decimal Spend)
{
    /// <summary>Every customer who bought on or before <paramref name="asOf"/>, ordered by id; later purchases are not seen yet.</summary>
    public static IReadOnlyList<CustomerRfm> Of(IReadOnlyList<Purchase> history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var customers = new Dictionary<string, (DateOnly Last, HashSet<string> Baskets, decimal Spend)>(StringComparer.Ordinal);
        foreach (var purchase in history)
        {
            if (purchase.Day > asOf)
            {
                continue;
            }

            if (!customers.TryGetValue(purchase.CustomerId, out var customer))
            {
                customer = (purchase.Day, new HashSet<string>(StringComparer.Ordinal), 0m);
            }

            customer.Baskets.Add(purchase.BasketId);
            customers[purchase.CustomerId] = (
                purchase.Day > customer.Last ? purchase.Day : customer.Last,
                customer.Baskets,
                customer.Spend + (purchase.Quantity * purchase.UnitPrice));
        }

        return [.. customers
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CustomerRfm(c.Key, asOf.DayNumber - c.Value.Last.DayNumber, c.Value.Baskets.Count, c.Value.Spend))];
    }
}