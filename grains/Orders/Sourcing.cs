using System.Collections.Immutable;

namespace OrderGrid.Orders;

/// <summary>
/// Decides where an order's stock comes from. One warehouse serves the whole order when one can (tried in
/// priority order); otherwise each line takes what it can from warehouses in priority order, and what no
/// warehouse has is backordered at the first warehouse.
/// </summary>
public static class Sourcing
{
    /// <summary>
    /// The warehouses an order may use, in the order tried: the preferred one first (when it exists), the excluded
    /// ones left out, unless that would leave none — stock must come from somewhere.
    /// </summary>
    public static IReadOnlyList<string> Candidates(IReadOnlyList<string> warehouses, string? preferred, IReadOnlyCollection<string> excluded)
    {
        var allowed = warehouses.Where(w => !excluded.Contains(w)).ToList();
        if (allowed.Count == 0)
        {
            allowed = [.. warehouses];
        }

        return [.. allowed.Where(w => w == preferred), .. allowed.Where(w => w != preferred)];
    }

    /// <param name="lines">SKU and quantity per line; SKUs are distinct.</param>
    /// <param name="warehouses">Warehouse ids in priority order.</param>
    /// <param name="available">Units available now, by warehouse and SKU (a snapshot: the stock grains have the last word).</param>
    public static ImmutableArray<PlannedDemand> Plan(
        IReadOnlyList<(string Sku, int Quantity)> lines,
        IReadOnlyList<string> warehouses,
        Func<string, string, int> available)
    {
        if (warehouses.Count == 0)
        {
            return [];
        }

        var single = warehouses.FirstOrDefault(w => lines.All(l => available(w, l.Sku) >= l.Quantity));
        if (single is not null)
        {
            return [.. lines.Select(l => new PlannedDemand(single, l.Sku, l.Quantity, Backorder: true))];
        }

        var plan = ImmutableArray.CreateBuilder<PlannedDemand>();
        var first = warehouses[0];
        foreach (var (sku, quantity) in lines)
        {
            var remaining = quantity;
            var fromFirst = 0;
            foreach (var warehouse in warehouses)
            {
                var take = Math.Min(remaining, Math.Max(0, available(warehouse, sku)));
                remaining -= take;
                if (warehouse == first)
                {
                    fromFirst = take;
                }
                else if (take > 0)
                {
                    plan.Add(new PlannedDemand(warehouse, sku, take, Backorder: false));
                }
            }

            // The first warehouse takes its share plus whatever nobody has, as a backorder it fills when stock arrives.
            if (fromFirst + remaining > 0)
            {
                plan.Add(new PlannedDemand(first, sku, fromFirst + remaining, Backorder: remaining > 0));
            }
        }

        return plan.ToImmutable();
    }
}