using System.Collections.Immutable;

namespace OrderGrid.Rules;

/// <summary>
/// A rule applied to every order at placement. Rules run by <see cref="Priority"/> (lowest first), then by id; when
/// all its <see cref="Conditions"/> hold, its <see cref="Actions"/> are decided in the order given.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.automation-rule")]
public sealed record AutomationRule(
    [property: Id(0)] int Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Priority,
    [property: Id(3)] bool Enabled,
    [property: Id(4)] RuleConditions Conditions,
    [property: Id(5)] ImmutableArray<RuleAction> Actions);