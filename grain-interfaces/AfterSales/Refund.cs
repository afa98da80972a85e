using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>Money paid back for a return: received units at the order's unit prices.</summary>
[GenerateSerializer, Immutable, Alias("og.refund")]
public sealed record Refund(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Method,
    [property: Id(2)] string? Reference,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Actor By);