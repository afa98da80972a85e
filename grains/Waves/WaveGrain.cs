using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Waves;

/// <summary>
/// One wave. Marking it picked asks each order to mark its pick list picked; the orders refuse a second time, so a
/// retry after a crash picks nothing twice, and the answers are kept so asking again answers the same.
/// </summary>
[GrainType("wave")]
public sealed class WaveGrain(
    [PersistentState("wave", "waves")] IPersistentState<WaveState> state,
    TimeProvider clock) : Grain, IWaveGrain
{
    public async Task<WaveView> Open(WaveOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (state.State.View is { } opened)
        {
            return opened;
        }

        var view = new WaveView(opening.WaveId, opening.WarehouseId, WaveStatus.Open, opening.At, opening.By, opening.PickLists, PickQueueRules.PickPath(opening.PickLists), []);
        await Save(view);
        return view;
    }

    public Task<WaveView?> Get() => Task.FromResult(state.State.View);

    public async Task<Outcome<WaveView>> MarkPicked(Actor by)
    {
        if (state.State.View is not { } wave)
        {
            return Refusal.NotFound("wave.not-found", $"There is no wave {this.GetPrimaryKeyString()}.");
        }

        if (wave.Status == WaveStatus.Picked)
        {
            return wave;
        }

        var outcomes = await Task.WhenAll(wave.PickLists.Select(p => Pick(p, by)));
        var picked = wave with { Status = WaveStatus.Picked, Outcomes = [.. outcomes], PickedAt = clock.GetUtcNow() };
        await Save(picked);
        return picked;
    }

    private async Task<WavePickOutcome> Pick(QueuedPickList pickList, Actor by)
    {
        var order = GrainFactory.GetGrain<IOrderGrain>(pickList.OrderId);
        var marked = await order.MarkPicked(pickList.PickListId, by);
        if (marked.Succeeded)
        {
            return new WavePickOutcome(pickList.PickListId, pickList.OrderId, WavePickResult.Picked);
        }

        var now = (await order.Get())?.PickLists.FirstOrDefault(p => p.Id == pickList.PickListId);
        return now is { Status: >= PickListStatus.Picked }
            ? new WavePickOutcome(pickList.PickListId, pickList.OrderId, WavePickResult.AlreadyPicked)
            : new WavePickOutcome(pickList.PickListId, pickList.OrderId, WavePickResult.Refused, marked.Refusal!.Message);
    }

    private Task Save(WaveView view)
    {
        state.State = new WaveState { View = view };
        return state.WriteStateAsync();
    }
}