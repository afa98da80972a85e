namespace OrderGrid.Api.Tracking;

/// <summary>Enough of the delivery address to recognise it; street lines are left out of a link that may be shared.</summary>
public sealed record CustomerAddress(string Name, string City, string PostalCode, string Country);