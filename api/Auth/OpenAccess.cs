namespace OrderGrid.Api.Auth;

/// <summary>
/// Endpoint metadata for an endpoint that callers without a staff key may use, saying which (and which staff roles
/// besides): its handler makes the check (a tracking token is checked by the order it opens). Added with
/// <see cref="Access.OpenTo{TBuilder}"/>; <see cref="Access.Of"/> reads it.
/// </summary>
public sealed record OpenAccess(Callers Callers);