using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Rules;

namespace OrderGrid.Waves;

/// <summary>An open pick list in its warehouse's queue, with the order facts that decide its place.</summary>
/// <param name="WaveId">The open wave it belongs to, null while no wave holds it.</param>
[GenerateSerializer, Immutable, Alias("og.pick-queue-entry")]
public sealed record QueuedPickList(
    [property: Id(0)] string PickListId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] OrderPriority Priority,
    [property: Id(3)] DateTimeOffset PlacedAt,
    [property: Id(4)] ImmutableArray<PickListLine> Lines,
    [property: Id(5)] string? WaveId = null);