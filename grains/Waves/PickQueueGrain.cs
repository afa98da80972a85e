using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Common;

namespace OrderGrid.Waves;

/// <summary>
/// The pick-list queue of one warehouse. Not reentrant: waves are planned one at a time, and the pick lists a wave
/// takes are recorded before the wave opens, so two waves never share a pick list.
/// </summary>
[GrainType("pick-queue")]
public sealed class PickQueueGrain(
    [PersistentState("queue", "waves")] IPersistentState<PickQueueState> state,
    IOptions<WaveOptions> options,
    TimeProvider clock) : Grain, IPickQueueGrain
{
    private PickQueueState Queue => state.State;

    public Task Track(OrderPickLists order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var next = PickQueueRules.Apply(Queue, order);
        return ReferenceEquals(next, Queue) ? Task.CompletedTask : Save(next);
    }

    public Task<ImmutableArray<QueuedPickList>> Open() => Task.FromResult(PickQueueRules.Open(Queue));

    public async Task<Outcome<WaveView>> PlanWave(int? maxPickLists, Actor by)
    {
        var max = maxPickLists ?? options.Value.DefaultPickLists;
        if (max is < PickQueueRules.MinPickListsPerWave or > PickQueueRules.MaxPickListsPerWave)
        {
            return Refusal.Invalid(
                "wave.invalid-size",
                $"A wave takes {PickQueueRules.MinPickListsPerWave} to {PickQueueRules.MaxPickListsPerWave} pick lists.",
                ImmutableDictionary<string, string[]>.Empty.Add("maxPickLists", [$"Between {PickQueueRules.MinPickListsPerWave} and {PickQueueRules.MaxPickListsPerWave}."]));
        }

        var warehouseId = this.GetPrimaryKeyString();
        var taken = PickQueueRules.Open(Queue).Where(p => p.WaveId is null).Take(max).ToImmutableArray();
        if (taken.IsEmpty)
        {
            return Refusal.Conflict("wave.nothing-to-pick", $"Warehouse {warehouseId} has no open pick list outside a wave.");
        }

        var waveId = $"WV-{warehouseId}-{Queue.WavesPlanned + 1}";
        await Save(Queue with
        {
            WavesPlanned = Queue.WavesPlanned + 1,
            InWave = Queue.InWave.SetItems(taken.Select(p => KeyValuePair.Create(p.PickListId, waveId))),
        });
        var opening = new WaveOpening(waveId, warehouseId, [.. taken.Select(p => p with { WaveId = waveId })], clock.GetUtcNow(), by);
        return await GrainFactory.GetGrain<IWaveGrain>(waveId).Open(opening);
    }

    private Task Save(PickQueueState next)
    {
        state.State = next;
        return state.WriteStateAsync();
    }
}