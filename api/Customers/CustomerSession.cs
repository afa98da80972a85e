namespace OrderGrid.Api.Customers;

/// <summary>A signed-in customer: send <c>Authorization: Bearer {Token}</c> until <see cref="ExpiresAt"/>.</summary>
public sealed record CustomerSession(string CustomerId, string Token, DateTimeOffset ExpiresAt);