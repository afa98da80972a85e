using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>Where a cart's hold takes its units: each item from the warehouses in priority order, never backordered.</summary>
public static class CartHolds
{
    /// <summary>The stock id of a cart's hold number <paramref name="number"/>.</summary>
    public static string Id(string customerId, long number) => $"cart:{customerId}:{number}";

    /// <param name="items">SKU and quantity wanted.</param>
    /// <param name="warehouses">Warehouse ids, tried first to last.</param>
    /// <param name="available">Units the hold may have now, by warehouse and SKU (what it already holds counts).</param>
    public static ImmutableArray<HeldStock> Plan(IEnumerable<CartItem> items, IReadOnlyList<string> warehouses, Func<string, string, int> available)
    {
        var plan = ImmutableArray.CreateBuilder<HeldStock>();
        foreach (var item in items)
        {
            var remaining = item.Quantity;
            foreach (var warehouse in warehouses)
            {
                var take = Math.Min(remaining, Math.Max(0, available(warehouse, item.Sku)));
                if (take > 0)
                {
                    plan.Add(new HeldStock(warehouse, item.Sku, take));
                    remaining -= take;
                }
            }
        }

        return plan.ToImmutable();
    }
}