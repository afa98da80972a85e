namespace OrderGrid.Api.Live;

/// <summary>Pushed to an order's followers: its whole view as of <paramref name="Version"/> (newest timeline sequence).</summary>
public sealed record OrderUpdate<TView>(string OrderId, long Version, TView Order);