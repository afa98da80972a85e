namespace OrderGrid.Planning;

/// <summary>Stock ordered and not yet received: <see cref="Quantity"/> units expected on <see cref="Expected"/>.</summary>
public sealed record IncomingStock(DateOnly Expected, int Quantity);