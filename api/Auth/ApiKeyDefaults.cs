namespace OrderGrid.Api.Auth;

/// <summary>The authentication scheme of staff API keys (<c>Authorization: Bearer &lt;key&gt;</c>).</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
}