using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.AfterSales;

/// <summary>Opens a return whose lines were already checked against the order.</summary>
[GenerateSerializer, Immutable, Alias("og.return-opening")]
public sealed record ReturnOpening(
    [property: Id(0)] string OrderId,
    [property: Id(1)] ImmutableArray<ReturnLine> Lines,
    [property: Id(2)] string Reason,
    [property: Id(3)] Actor By);