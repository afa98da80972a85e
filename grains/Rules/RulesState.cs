using System.Collections.Immutable;

namespace OrderGrid.Rules;

/// <summary>The persisted rule set. <see cref="Seeded"/> stays true once the default rules were written, so deleting them all sticks.</summary>
[GenerateSerializer, Alias("og.rules-state")]
public sealed record RulesState
{
    [Id(0)] public bool Seeded { get; init; }

    [Id(1)] public int LastId { get; init; }

    [Id(2)] public ImmutableArray<AutomationRule> Rules { get; init; } = [];
}