using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OrderGrid.Tests.Orders;

/// <summary>Running counts, e.g. <c>sku-stock.Demand</c> (calls received) or <c>write.order</c> (state writes).</summary>
public sealed class PlacementCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public ImmutableDictionary<string, int> Snapshot() => _counts.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>What happened since <paramref name="before"/>, by name (only what happened).</summary>
    public ImmutableDictionary<string, int> Since(ImmutableDictionary<string, int> before) =>
        _counts.Select(c => (c.Key, Count: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.Count > 0).ToImmutableDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
}