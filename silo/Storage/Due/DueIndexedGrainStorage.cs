using OrderGrid.Common;
using OrderGrid.Silo.Storage.GrainState;

using Orleans.Storage;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>
/// Another provider's grain storage (memory, Orleans AdoNet) with the wake-up times of its states
/// (<see cref="IHasDueTime"/>) kept in an <see cref="IDueIndex"/> beside it, in the order that can only err towards an
/// extra wake (which <see cref="IDueWork.Wake"/> shrugs off), never a lost one: a time is recorded before the state that
/// needs it is written, and forgotten only after a state that needs none was written. OrderGrid's own
/// <see cref="PostgresGrainStorage"/> needs no such wrapper: it writes the time in the state's own statement.
/// </summary>
public sealed class DueIndexedGrainStorage(IGrainStorage inner, IDueIndex index) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The wrapped provider takes part in the silo's lifecycle as it would alone (AdoNet initializes there).</summary>
    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (!typeof(IHasDueTime).IsAssignableFrom(typeof(T)))
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var grain = Grain(grainId);
        if ((grainState.State as IHasDueTime)?.DueAt is { } dueAt)
        {
            await index.SetAsync(grain, dueAt);
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        else
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            await index.ClearAsync(grain);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ClearStateAsync(stateName, grainId, grainState);
        if (typeof(IHasDueTime).IsAssignableFrom(typeof(T)))
        {
            await index.ClearAsync(Grain(grainId));
        }
    }

    private static DueGrain Grain(GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString()!);
}