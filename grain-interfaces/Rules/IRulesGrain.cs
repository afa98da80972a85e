using System.Collections.Immutable;

using OrderGrid.Common;

namespace OrderGrid.Rules;

/// <summary>The automation rules orders are placed by, in one grain (key <c>default</c>), edited at run time by admins.</summary>
public interface IRulesGrain : IGrainWithStringKey
{
    /// <summary>Every rule, enabled or not, in the order they are evaluated.</summary>
    [ReadOnly]
    Task<ImmutableArray<AutomationRule>> List();

    Task<Outcome<AutomationRule>> Create(RuleDefinition definition);

    /// <summary>Replaces the rule's definition; the id stays.</summary>
    Task<Outcome<AutomationRule>> Replace(int id, RuleDefinition definition);

    /// <summary>Answers the rule removed.</summary>
    Task<Outcome<AutomationRule>> Delete(int id);
}