namespace OrderGrid.Live;

/// <summary>A live node and how to reach it.</summary>
[GenerateSerializer, Immutable, Alias("og.live-node-address")]
public sealed record LiveNodeAddress(
    [property: Id(0)] string NodeId,
    [property: Id(1)] ILiveNode Node);