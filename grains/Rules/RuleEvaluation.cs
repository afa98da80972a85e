using System.Collections.Immutable;

namespace OrderGrid.Rules;

/// <summary>
/// Which rules' actions take effect for an order, as a pure function. Enabled rules run by priority (lowest first),
/// then by id; a rule matches when all its conditions hold. Among matching rules, for each kind of decision the
/// first one wins: the first hold or auto-approve decides review (an earlier auto-approve means later holds are
/// ignored, an earlier hold means later auto-approves are), the first priority sets the priority, the first preferred
/// warehouse is preferred; every excluded warehouse is excluded (once), and a signature is required once.
/// </summary>
public static class RuleEvaluation
{
    public static ImmutableArray<RuleDecision> Decide(IEnumerable<AutomationRule> rules, OrderFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        var decisions = ImmutableArray.CreateBuilder<RuleDecision>();
        var decided = new HashSet<(RuleActionKind, string?)>();
        foreach (var rule in InEvaluationOrder(rules).Where(r => r.Enabled && Matches(r.Conditions, facts)))
        {
            foreach (var action in rule.Actions)
            {
                // Hold and auto-approve answer one question (review or not); exclusions are one decision per warehouse.
                var question = action.Kind switch
                {
                    RuleActionKind.AutoApprove => (RuleActionKind.Hold, null),
                    RuleActionKind.ExcludeWarehouse => (action.Kind, action.WarehouseId),
                    _ => (action.Kind, (string?)null),
                };
                if (decided.Add(question))
                {
                    decisions.Add(new RuleDecision(rule.Id, rule.Name, action));
                }
            }
        }

        return decisions.ToImmutable();
    }

    public static IOrderedEnumerable<AutomationRule> InEvaluationOrder(IEnumerable<AutomationRule> rules) =>
        rules.OrderBy(r => r.Priority).ThenBy(r => r.Id);

    public static bool Matches(RuleConditions c, OrderFacts facts)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(facts);
        return (c.MinTotal is not { } min || facts.Total > min)
            && (c.MaxTotal is not { } max || facts.Total <= max)
            && AnyOrContains(c.Channels, facts.Channel, EqualityComparer<Orders.SalesChannel>.Default)
            && AnyOrContains(c.Countries, facts.Country, StringComparer.OrdinalIgnoreCase)
            && (c.Skus.IsDefaultOrEmpty || facts.Lines.Any(l => c.Skus.Contains(l.Sku, StringComparer.Ordinal)))
            && (c.MinQuantity is not { } quantity || facts.Lines.Any(l => l.Quantity >= quantity))
            && (c.Segments.IsDefaultOrEmpty || (facts.Segment is { } segment && c.Segments.Contains(segment, StringComparer.Ordinal)))
            && (c.NewCustomer is not { } isNew || facts.IsNewCustomer == isNew);
    }

    /// <summary>Whether some enabled rule looks at the customer's segment or order history (worth a grain call).</summary>
    public static (bool Segment, bool History) FactsNeeded(IEnumerable<AutomationRule> rules) =>
        (rules.Any(r => r.Enabled && !r.Conditions.Segments.IsDefaultOrEmpty), rules.Any(r => r.Enabled && r.Conditions.NewCustomer is not null));

    private static bool AnyOrContains<T>(ImmutableArray<T> allowed, T value, IEqualityComparer<T> comparer) =>
        allowed.IsDefaultOrEmpty || allowed.Contains(value, comparer);
}