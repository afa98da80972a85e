namespace OrderGrid.Api.Auth;

/// <summary>One API key from <c>OrderGrid:Auth:ApiKeys</c>. The name is what timelines show as the staff actor.</summary>
public sealed class StaffApiKey
{
    public string Name { get; set; } = string.Empty;

    /// <summary>One of <c>ops</c>, <c>planner</c>, <c>admin</c>.</summary>
    public string Role { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;
}