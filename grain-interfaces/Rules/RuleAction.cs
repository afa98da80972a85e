namespace OrderGrid.Rules;

/// <summary>One action of a rule: <see cref="Reason"/> goes with a hold, <see cref="Level"/> with a priority, <see cref="WarehouseId"/> with a warehouse choice.</summary>
[GenerateSerializer, Immutable, Alias("og.rule-action")]
public sealed record RuleAction(
    [property: Id(0)] RuleActionKind Kind,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] OrderPriority? Level = null,
    [property: Id(3)] string? WarehouseId = null);