using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;
using OrderGrid.Warehouses;

namespace OrderGrid.Rules;

/// <summary>
/// Every automation rule, in one grain: admins change a few a month, every placement reads them all from memory
/// (a read-only call). An empty grain is seeded with today's review rule, built from <see cref="ReviewOptions"/>.
/// </summary>
[GrainType("rules")]
public sealed class RulesGrain(
    [PersistentState("rules", "catalog")] IPersistentState<RulesState> state,
    IOptions<ReviewOptions> review,
    IOptions<CatalogOptions> catalog) : Grain, IRulesGrain
{
    public const string HighValue = "high value";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Seeded)
        {
            var threshold = review.Value.ValueThreshold;
            var highValue = new RuleDefinition(
                HighValue,
                100,
                new RuleConditions { MinTotal = threshold },
                [new RuleAction(RuleActionKind.Hold, $"order value above {MoneyText.Format(threshold, catalog.Value.Currency)}")]);
            state.State = new RulesState { Seeded = true, LastId = 1, Rules = [highValue.ToRule(1)] };
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<ImmutableArray<AutomationRule>> List() =>
        Task.FromResult<ImmutableArray<AutomationRule>>([.. RuleEvaluation.InEvaluationOrder(state.State.Rules)]);

    public async Task<Outcome<AutomationRule>> Create(RuleDefinition definition)
    {
        if (await Invalid(definition) is { } refusal)
        {
            return refusal;
        }

        var rule = definition.ToRule(state.State.LastId + 1);
        await Save(state.State with { LastId = rule.Id, Rules = state.State.Rules.Add(rule) });
        return rule;
    }

    public async Task<Outcome<AutomationRule>> Replace(int id, RuleDefinition definition)
    {
        if (state.State.Rules.FirstOrDefault(r => r.Id == id) is not { } existing)
        {
            return NotFound(id);
        }

        if (await Invalid(definition) is { } refusal)
        {
            return refusal;
        }

        var rule = definition.ToRule(id);
        await Save(state.State with { Rules = state.State.Rules.Replace(existing, rule) });
        return rule;
    }

    public async Task<Outcome<AutomationRule>> Delete(int id)
    {
        if (state.State.Rules.FirstOrDefault(r => r.Id == id) is not { } rule)
        {
            return NotFound(id);
        }

        await Save(state.State with { Rules = state.State.Rules.Remove(rule) });
        return rule;
    }

    private async Task<Refusal?> Invalid(RuleDefinition definition)
    {
        var warehouses = await GrainFactory.GetGrain<IWarehouseDirectoryGrain>("default").List();
        return definition.Problems([.. warehouses.Select(w => w.Id)]) is { IsEmpty: false } problems
            ? Refusal.Invalid("rule.invalid", "The rule is not valid; see errors.", problems)
            : null;
    }

    private static Refusal NotFound(int id) => Refusal.NotFound("rule.not-found", $"There is no rule {id}.");

    private async Task Save(RulesState next)
    {
        state.State = next;
        await state.WriteStateAsync();
    }
}