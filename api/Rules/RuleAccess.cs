namespace OrderGrid.Api.Rules;

/// <summary>What the caller's key may do with the rules: every staff key reads them, only an admin key changes them.</summary>
/// <param name="CanEdit">True when the key may create, replace and delete rules.</param>
public sealed record RuleAccess(bool CanEdit);