using System.Collections.Immutable;

using OrderGrid.Customers;
using OrderGrid.Orders;
using OrderGrid.Planning;

namespace OrderGrid.Rules;

/// <summary>Gathers an order's facts for the rules, asking the planning model and the customer only when some rule needs them.</summary>
internal static class PlacementFacts
{
    public static async Task<OrderFacts> Gather(IGrainFactory grains, string orderId, PlaceOrder request, decimal total, ImmutableArray<AutomationRule> rules)
    {
        var (segmentNeeded, historyNeeded) = RuleEvaluation.FactsNeeded(rules);
        var segment = segmentNeeded ? await grains.GetGrain<IPlanningQueryGrain>(0).SegmentOf(request.CustomerId) : null;
        bool? isNew = historyNeeded
            ? (await grains.GetGrain<ICustomerGrain>(request.CustomerId).Get()).IsFirstOrder(orderId)
            : null;
        return new OrderFacts(total, request.Channel, request.ShipTo?.Country ?? "", [.. request.Lines.Select(l => (l.Sku, l.Quantity))], segment, isNew);
    }
}