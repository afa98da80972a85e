namespace OrderGrid.Orders;

/// <summary>A hold that sits beside the status, with its reason.</summary>
[GenerateSerializer, Immutable, Alias("og.order-hold")]
public sealed record OrderHold(
    [property: Id(0)] HoldKind Kind,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset Since);