namespace OrderGrid.Planning;

/// <summary>Units sold on a day (cancellations taken off).</summary>
[GenerateSerializer, Immutable, Alias("og.demand-point")]
public sealed record DemandPoint([property: Id(0)] DateOnly Day, [property: Id(1)] double Quantity);