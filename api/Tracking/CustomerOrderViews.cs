using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Orders;
using OrderGrid.Shipping;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Api.Tracking;

/// <summary>
/// Builds the customer's view of an order (<see cref="CustomerOrderView"/>) for the tracking endpoints, the changes
/// a customer makes and the live pushes alike: the carrier events of each shipment, the expected day of what waits
/// for stock, the catalog's currency, and the name of the store a pickup order is collected at.
/// </summary>
public sealed class CustomerOrderViews(IGrainFactory grains, IOptions<CatalogOptions> catalog)
{
    /// <param name="known">Shipments as carried with the order's change: these are not asked for again.</param>
    public async Task<CustomerOrderView> For(OrderView order, IReadOnlyCollection<ShipmentView>? known = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shipments = Task.WhenAll(order.Shipments.Select(s =>
            known?.FirstOrDefault(k => k.Id == s.ShipmentId) is { } carried
                ? Task.FromResult<ShipmentView?>(carried)
                : grains.GetGrain<IShipmentGrain>(s.ShipmentId).Get()));
        var expected = Task.WhenAll(order.Lines.Select(l => ExpectedBy(order.Id, l)));
        var store = StoreName(order.Fulfilment);
        return CustomerOrderView.From(order, (await shipments).OfType<ShipmentView>(), await expected, catalog.Value.Currency, await store);
    }

    /// <summary>The display name of the store a pickup order is collected at; null for a delivery or an unknown store.</summary>
    private async Task<string?> StoreName(Fulfilment? fulfilment)
    {
        if (fulfilment is not { IsPickup: true, WarehouseId: { } storeId })
        {
            return null;
        }

        var warehouses = await grains.GetGrain<IWarehouseDirectoryGrain>("default").List();
        return warehouses.FirstOrDefault(w => w.Id == storeId)?.Name;
    }

    /// <summary>The latest of the days each warehouse where the line waits expects its units; null when one has no date.</summary>
    private async Task<DateOnly?> ExpectedBy(string orderId, OrderLineView line)
    {
        var waiting = line.Allocations.IsDefaultOrEmpty ? [] : line.Allocations.Where(a => a.Backordered > 0).ToArray();
        if (waiting.Length == 0)
        {
            return null;
        }

        var days = await Task.WhenAll(waiting.Select(a => grains.GetGrain<ISkuStockGrain>(StockKey.For(a.WarehouseId, line.Sku)).ExpectedFor(orderId)));
        return days.Any(d => d is null) ? null : days.Max();
    }
}