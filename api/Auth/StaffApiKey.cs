namespace OrderGrid.Api.Auth;

/// <summary>One API key from <c>OrderGrid:Auth:ApiKeys</c>. The name is what timelines show as the staff actor.</summary>
public sealed class StaffApiKey
{
    public string Name { get; set; } = string.Empty;

    /// <summary>One of <c>ops</c>, <c>planner</c>, <c>admin</c>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The key in plaintext (the Development demo keys); hashed when the settings load.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>
    /// The key's SHA-256 as 64 hex digits, instead of <see cref="Key"/>, so that the settings never hold the key
    /// (<c>dotnet run --project silo -- hash-key KEY</c> prints it).
    /// </summary>
    public string KeySha256 { get; set; } = string.Empty;
}