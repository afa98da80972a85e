using System.Collections.Immutable;

namespace OrderGrid.Carts;

/// <summary>
/// Where a cart's hold takes its units: each item from the warehouses in priority order, never backordered, with at most
/// so many units per line and per cart (the first lines first).
/// </summary>
public static class CartHolds
{
    /// <summary>The stock id of a cart's hold number <paramref name="number"/>.</summary>
    public static string Id(string cartId, long number) => $"cart:{cartId}:{number}";

    /// <param name="items">SKU and quantity wanted.</param>
    /// <param name="warehouses">Warehouse ids, tried first to last.</param>
    /// <param name="available">Units the hold may have now, by warehouse and SKU (what it already holds counts).</param>
    /// <param name="perLine">Units one line may hold at most.</param>
    /// <param name="perCart">Units the whole cart may hold at most.</param>
    public static ImmutableArray<HeldStock> Plan(
        IEnumerable<CartItem> items, IReadOnlyList<string> warehouses, Func<string, string, int> available, int perLine, int perCart)
    {
        var plan = ImmutableArray.CreateBuilder<HeldStock>();
        var budget = perCart;
        foreach (var item in items)
        {
            var remaining = Math.Min(item.Quantity, Math.Min(perLine, budget));
            foreach (var warehouse in warehouses)
            {
                var take = Math.Min(remaining, Math.Max(0, available(warehouse, item.Sku)));
                if (take > 0)
                {
                    plan.Add(new HeldStock(warehouse, item.Sku, take));
                    remaining -= take;
                    budget -= take;
                }
            }
        }

        return plan.ToImmutable();
    }
}