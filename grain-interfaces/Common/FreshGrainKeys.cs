using OrderGrid.Customers;

namespace OrderGrid.Common;

/// <summary>
/// Grain states this process knows have no stored row yet, because it has just minted the random key they live under
/// (a new order id without an idempotency key). Orleans reads every activation's state and gives the storage no hint
/// that a key is new; this is that hint. The grain storage consumes an entry on the first read of that state (and
/// answers "no state" without asking the database) and drops it on any write; entries expire after
/// <see cref="Lifetime"/> and at most <see cref="Capacity"/> are kept, so memory stays bounded.
/// <para>
/// A hint that turns out wrong cannot lose data: the grain then holds no ETag, and a write without an ETag only
/// inserts a row that is not there (the storage's insert does nothing when the row exists), so it is refused as a
/// version conflict and the grain deactivates and reads the row next time. Only this process knows its hints; a
/// grain activated on another silo reads as usual.
/// </para>
/// </summary>
public sealed class FreshGrainKeys(TimeProvider clock)
{
    /// <summary>How long a hint is kept when no read consumes it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The most hints kept at once (consumed ones count until they would have expired); beyond it new ones are not kept (their grains read as usual).</summary>
    public const int Capacity = 100_000;

    private readonly Lock gate = new();
    private volatile bool followed;
    private readonly Dictionary<(string StateName, string GrainKey), long> expiries = [];
    private readonly Queue<((string StateName, string GrainKey) Key, long ExpiresAt)> byAge = new();

    /// <summary>Whether a grain storage reads the hints (<see cref="Follow"/>); until one does, nothing is kept.</summary>
    public bool IsFollowed => followed;

    /// <summary>Called by a grain storage that consumes hints: from now on <see cref="Add"/> keeps them.</summary>
    public void Follow() => followed = true;

    /// <summary>The hints kept now (expired ones leave on the next call).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return expiries.Count;
            }
        }
    }

    /// <summary>
    /// The states of a newly minted order id that cannot have a row: the order's, its notification outbox's, and its
    /// guest customer's when <paramref name="customerId"/> is the guest of this order (<see cref="GuestCustomers.For"/>).
    /// Only for a random id (<c>OrderIds.New</c>): an id derived from an idempotency key may exist already.
    /// </summary>
    public void NewOrder(string orderId, string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        Add(GrainStateNames.Order, orderId);
        OrderNotStored(orderId, customerId);
    }

    /// <summary>
    /// The states that cannot have a row while order <paramref name="orderId"/> has none (its storage read found none,
    /// as for an id derived from an idempotency key the first time): its notification outbox's, and its guest
    /// customer's when <paramref name="customerId"/> is the guest of this order. Both are written only after the
    /// order's first write (the change feed fills the outbox; the order records itself with its customer).
    /// </summary>
    public void OrderNotStored(string orderId, string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        Add(GrainStateNames.NotificationOutbox, orderId);
        if (string.Equals(customerId, GuestCustomers.For(orderId), StringComparison.Ordinal))
        {
            Add(GrainStateNames.Customer, customerId);
        }
    }

    /// <summary>Records that state <paramref name="stateName"/> of the grain keyed <paramref name="grainKey"/> has no row yet.</summary>
    public void Add(string stateName, string grainKey)
    {
        if (!followed)
        {
            return;
        }

        var key = (stateName, grainKey);
        lock (gate)
        {
            var now = clock.GetTimestamp();
            DropExpired(now);
            if (byAge.Count >= Capacity)
            {
                return;
            }

            var expiresAt = now + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency);
            expiries[key] = expiresAt;
            byAge.Enqueue((key, expiresAt));
        }
    }

    /// <summary>True once, for the first read of a state hinted new and not expired; the hint is gone afterwards.</summary>
    public bool TryConsume(string stateName, string grainKey)
    {
        lock (gate)
        {
            if (expiries.Count == 0)
            {
                return false;
            }

            var now = clock.GetTimestamp();
            DropExpired(now);
            return expiries.Remove((stateName, grainKey), out var expiresAt) && expiresAt > now;
        }
    }

    /// <summary>Drops the hint of a state (a write: from now on the row may exist).</summary>
    public void Forget(string stateName, string grainKey)
    {
        lock (gate)
        {
            if (expiries.Count > 0)
            {
                expiries.Remove((stateName, grainKey));
            }
        }
    }

    private void DropExpired(long now)
    {
        // Every hint lives as long, so the oldest expire first; a queued key whose hint was consumed, or added again
        // later, is skipped (its dictionary entry is gone or expires later).
        while (byAge.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
        {
            byAge.Dequeue();
            if (expiries.TryGetValue(oldest.Key, out var expiresAt) && expiresAt == oldest.ExpiresAt)
            {
                expiries.Remove(oldest.Key);
            }
        }
    }
}

/// <summary>The storage names of states that <see cref="FreshGrainKeys"/> names, used by the grains' <c>[PersistentState]</c>.</summary>
public static class GrainStateNames
{
    public const string Order = "order";
    public const string NotificationOutbox = "outbox";
    public const string Customer = "customer";
}