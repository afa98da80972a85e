using System.Collections.Concurrent;

using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Silo.Storage.Due;

/// <summary>
/// Where a grain storage that cannot write the wake-up time in the state's own statement keeps it: memory storage
/// (<see cref="MemoryDueIndex"/>) and the Orleans AdoNet provider (<see cref="PostgresDueTable"/>), driven by
/// <see cref="DueIndexedGrainStorage"/>.
/// </summary>
public interface IDueIndex : IDueGrainSource
{
    /// <summary>Records that <paramref name="grain"/> has work from <paramref name="dueAt"/> on (replacing an earlier time).</summary>
    Task SetAsync(DueGrain grain, DateTimeOffset dueAt);

    /// <summary>Forgets <paramref name="grain"/>'s wake-up time, if any.</summary>
    Task ClearAsync(DueGrain grain);
}

/// <summary>The wake-up times of memory storage: this silo's memory, lost with it like the states themselves.</summary>
public sealed class MemoryDueIndex : IDueIndex
{
    private readonly ConcurrentDictionary<DueGrain, DateTimeOffset> due = new();

    public Task SetAsync(DueGrain grain, DateTimeOffset dueAt)
    {
        due[grain] = dueAt;
        return Task.CompletedTask;
    }

    public Task ClearAsync(DueGrain grain)
    {
        due.TryRemove(grain, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueGrain>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DueGrain>>([.. due.Where(d => d.Value <= now).OrderBy(d => d.Value).Take(limit).Select(d => d.Key)]);
}