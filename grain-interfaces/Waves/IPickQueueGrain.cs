using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Waves;

/// <summary>
/// The pick-list queue of one warehouse (key: warehouse id): open pick lists, most urgent first (VIP, express,
/// normal, then oldest order, then id). It plans waves one at a time, so a pick list joins at most one open wave.
/// </summary>
public interface IPickQueueGrain : IGrainWithStringKey
{
    /// <summary>News from the order change feed; idempotent by order id and version.</summary>
    Task Track(OrderPickLists order);

    [ReadOnly]
    Task<ImmutableArray<QueuedPickList>> Open();

    /// <summary>Takes the first pick lists of the queue that no wave holds, up to <paramref name="maxPickLists"/> (the configured default when null).</summary>
    Task<Outcome<WaveView>> PlanWave(int? maxPickLists, Actor by);
}