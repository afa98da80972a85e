namespace OrderGrid.Api.Auth;

/// <summary>Staff API keys, bound from <c>OrderGrid:Auth</c> (e.g. <c>OrderGrid__Auth__ApiKeys__0__Key</c>).</summary>
public sealed class StaffAuthOptions
{
    public const string Section = "OrderGrid:Auth";

    public IList<StaffApiKey> ApiKeys { get; init; } = [];
}