namespace OrderGrid.Rules;

/// <summary>An action a rule decided for an order, with the rule that decided it (for the timeline).</summary>
public sealed record RuleDecision(int RuleId, string RuleName, RuleAction Action);