using System.Collections.Concurrent;

namespace OrderGrid.Planning.Serving;

/// <summary>Model versions in memory, for a silo without PostgreSQL (tests, in-memory mode): gone with the process.</summary>
public sealed class MemoryModelStore : IModelStore
{
    private readonly ConcurrentDictionary<long, StoredModel> _models = new();
    private long _newest;

    public Task<long> Add(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var version = Interlocked.Increment(ref _newest);
        _models[version] = model with { Info = model.Info with { Version = version } };
        return Task.FromResult(version);
    }

    public Task<long?> NewestVersion(CancellationToken cancellationToken) =>
        Task.FromResult(Volatile.Read(ref _newest) is > 0 and var newest ? newest : (long?)null);

    public Task<StoredModel?> Load(long version, CancellationToken cancellationToken) =>
        Task.FromResult(_models.GetValueOrDefault(version));
}