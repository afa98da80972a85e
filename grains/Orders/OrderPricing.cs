using System.Collections.Immutable;

using OrderGrid.Catalog;
using OrderGrid.Common;

namespace OrderGrid.Orders;

/// <summary>Validates an order's lines by <see cref="PlacementRules"/> and prices them from the catalog, at placement and at a change (a SKU the order already has keeps the price agreed).</summary>
internal static class OrderPricing
{
    public static async Task<(ImmutableArray<OrderLine> Lines, Refusal? Refusal)> Price(IGrainFactory grains, PlaceOrder request, ImmutableArray<OrderLine> agreed)
    {
        var errors = PlacementRules.Validate(request);
        if (!errors.IsEmpty)
        {
            return ([], Refusal.Invalid("order.invalid", "The order is not valid.", errors));
        }

        var products = await Task.WhenAll(request.Lines.Select(l => grains.GetGrain<IProductGrain>(l.Sku).Get()));
        var unknown = request.Lines.Select((l, i) => (l, i)).Where(x => products[x.i] is null).ToArray();
        if (unknown.Length > 0)
        {
            return ([], Refusal.Invalid("order.unknown-sku", "Some products are not in the catalog.",
                unknown.ToImmutableDictionary(x => $"lines[{x.i}].sku", x => new[] { $"Unknown SKU {x.l.Sku}." })));
        }

        return ([.. request.Lines.Select((l, i) => new OrderLine(
            l.Sku, products[i]!.Name, l.Quantity, agreed.FirstOrDefault(a => a.Sku == l.Sku)?.UnitPrice ?? products[i]!.UnitPrice, []))], null);
    }
}