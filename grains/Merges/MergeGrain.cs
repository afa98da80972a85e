using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Merges;

/// <summary>
/// One merge: keeps its member orders and their pick lists and moves them together. Each order decides for itself
/// (<see cref="OrderLifecycle"/>); the merge reads the orders for its combined pick list rather than copying them.
/// </summary>
[GrainType("merge")]
public sealed class MergeGrain(
    [PersistentState("merge", "merges")] IPersistentState<MergeState> state,
    IOptions<FulfilmentOptions> fulfilment,
    TimeProvider clock) : Grain, IMergeGrain
{
    private string Id => this.GetPrimaryKeyString();

    private MergeState Merged => state.State;

    public async Task<Outcome<MergeView>> Merge(ImmutableArray<string> orderIds, Actor by)
    {
        if (!Merged.Exists)
        {
            orderIds = [.. orderIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            if (MergeIds.For(orderIds) != Id)
            {
                return Refusal.Invalid("merge.invalid", $"Merge {Id} is not the merge of {string.Join(", ", orderIds)}.");
            }

            var orders = await Task.WhenAll(orderIds.Select(id => Order(id).Get()));
            if (MergeRules.Refuse(orderIds, orders) is { } refusal)
            {
                return refusal;
            }

            // Stored before the orders join, so a retry after a failure part-way finishes the same merge.
            state.State = new MergeState
            {
                OrderIds = orderIds,
                PickListIds = [.. orders.SelectMany(o => o!.PickLists.Select(p => p.Id))],
                CustomerId = orders[0]!.CustomerId,
                WarehouseId = orders[0]!.PickLists[0].WarehouseId,
                MergedAt = clock.GetUtcNow(),
            };
            await state.WriteStateAsync();
        }

        foreach (var orderId in Merged.OrderIds)
        {
            var joined = await Order(orderId).Merge(Id, Merged.OrderIds.Remove(orderId), by);
            if (joined.Refusal is { } refusal)
            {
                return refusal;
            }
        }

        return await View();
    }

    public async Task<MergeView?> Get() => Merged.Exists ? await View() : null;

    public Task<Outcome<MergeView>> MarkPicked(Actor by) =>
        Move(PickListStatus.Open, PickListStatus.Picked, (order, pickListId) => order.MarkPicked(pickListId, by));

    public Task<Outcome<MergeView>> MarkPacked(Actor by) =>
        Move(PickListStatus.Picked, PickListStatus.Packed, (order, pickListId) => order.MarkPacked(pickListId, by));

    public async Task<Outcome<MergeView>> Ship(string? carrier, Actor by)
    {
        if (Merged.Label is null)
        {
            var carriers = fulfilment.Value.Carriers;
            var chosen = string.IsNullOrWhiteSpace(carrier) ? carriers[0] : carriers.FirstOrDefault(c => string.Equals(c, carrier, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Refusal.Invalid("shipment.unknown-carrier", $"Unknown carrier '{carrier}'. Carriers: {string.Join(", ", carriers)}.");
            }

            if (await Refuse(PickListStatus.Packed) is { } refusal)
            {
                return refusal;
            }

            state.State = Merged with { Label = new ShippingLabel(OrderIds.NewShipmentId(), chosen, OrderGrain.TrackingNumber(chosen)) };
            await state.WriteStateAsync();
        }

        return await Move(PickListStatus.Packed, PickListStatus.Shipped, (order, pickListId) => ShipUnderLabel(order, pickListId, by));
    }

    /// <summary>Moves every member pick list still at <paramref name="from"/>; those already further on are left (a retry).</summary>
    private async Task<Outcome<MergeView>> Move(PickListStatus from, PickListStatus to, Func<IOrderGrain, string, Task<Outcome<OrderView>>> step)
    {
        if (await Refuse(from) is { } refusal)
        {
            return refusal;
        }

        foreach (var pickList in await PickLists())
        {
            var moved = pickList.Status == from ? await step(Order(pickList.OrderId), pickList.Id) : null;
            if (moved?.Refusal is { } refused)
            {
                return refused;
            }
        }

        return await View();
    }

    /// <summary>Why the merge cannot take a step that needs its pick lists at <paramref name="from"/> at least.</summary>
    private async Task<Refusal?> Refuse(PickListStatus from)
    {
        if (!Merged.Exists)
        {
            return Refusal.NotFound("merge.not-found", $"Merge {Id} does not exist.");
        }

        var pickLists = await PickLists();
        if (pickLists.IsEmpty)
        {
            return Refusal.Conflict("merge.empty", $"Every order of merge {Id} was cancelled.");
        }

        return pickLists.FirstOrDefault(p => p.Status < from) is { } behind
            ? Refusal.Conflict("merge.illegal-transition", $"Pick list {behind.Id} of merge {Id} is {behind.Status}; the step needs every pick list {from}.")
            : null;
    }

    private async Task<Outcome<OrderView>> ShipUnderLabel(IOrderGrain order, string pickListId, Actor by)
    {
        var shipped = await order.ShipMerged(Id, pickListId, Merged.Label!, by);
        return shipped.Refusal is { } refusal ? refusal : (await order.Get())!;
    }

    private async Task<ImmutableArray<PickList>> PickLists() =>
        [.. (await Members()).SelectMany(o => o.PickLists.Where(p => Merged.PickListIds.Contains(p.Id)))];

    /// <summary>The orders still in the merge: a member cancelled before picking left it.</summary>
    private async Task<ImmutableArray<OrderView>> Members() =>
        [.. (await Task.WhenAll(Merged.OrderIds.Select(id => Order(id).Get()))).OfType<OrderView>().Where(o => o.Status != OrderStatus.Cancelled)];

    private async Task<MergeView> View()
    {
        var members = await Members();
        var pickLists = members.SelectMany(o => o.PickLists.Where(p => Merged.PickListIds.Contains(p.Id))).ToArray();
        var lines = pickLists
            .SelectMany(p => p.Lines.Select(line => (PickList: p, Line: line)))
            .GroupBy(x => x.Line.Sku, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MergedLine(g.Key, g.First().Line.Name, g.Sum(x => x.Line.Quantity),
                [.. g.Select(x => new MergedLineShare(x.PickList.OrderId, x.PickList.Id, x.Line.Quantity))]));
        var status = pickLists.Length == 0 ? PickListStatus.Open : pickLists.Min(p => p.Status);
        // Each step needs every pick list at its "from" status at least (Refuse) and moves those at it (Move).
        ImmutableArray<PickListAction> allowed = pickLists.Length == 0 ? [] : status switch
        {
            PickListStatus.Open => [PickListAction.Picked],
            PickListStatus.Picked => [PickListAction.Packed],
            PickListStatus.Packed => [PickListAction.Ship],
            _ => [],
        };
        return new MergeView(Id, Merged.CustomerId, Merged.WarehouseId, [.. members.Select(o => o.Id)], [.. lines], status, Merged.Label, Merged.MergedAt)
        {
            AllowedActions = allowed,
        };
    }

    private IOrderGrain Order(string orderId) => GrainFactory.GetGrain<IOrderGrain>(orderId);
}