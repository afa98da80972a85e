using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Planning;
using OrderGrid.Rules;

namespace OrderGrid.Tests.Rules;

[Trait(Lane.Name, Lane.Fast)]
public sealed class RuleEvaluationTests
{
    private static readonly OrderFacts Order = new(
        Total: 120m,
        Channel: SalesChannel.Phone,
        Country: "DE",
        Lines: [("SKU-A", 2), ("SKU-B", 7)],
        Segment: "loyal",
        IsNewCustomer: true);

    private static readonly RuleAction Hold = new(RuleActionKind.Hold, "check");

    /// <summary>A condition, and whether the order above meets it.</summary>
    public static TheoryData<string, RuleConditions, bool> Conditions => new()
    {
        { "no condition", new RuleConditions(), true },
        { "total above 100", new RuleConditions { MinTotal = 100m }, true },
        { "total above 120 (exclusive)", new RuleConditions { MinTotal = 120m }, false },
        { "total at most 120 (inclusive)", new RuleConditions { MaxTotal = 120m }, true },
        { "total at most 119.99", new RuleConditions { MaxTotal = 119.99m }, false },
        { "phone or email", new RuleConditions { Channels = [SalesChannel.Email, SalesChannel.Phone] }, true },
        { "web only", new RuleConditions { Channels = [SalesChannel.Web] }, false },
        { "country de, any case", new RuleConditions { Countries = ["de"] }, true },
        { "country GB", new RuleConditions { Countries = ["GB"] }, false },
        { "a line of SKU-B", new RuleConditions { Skus = ["SKU-X", "SKU-B"] }, true },
        { "a line of SKU-X", new RuleConditions { Skus = ["SKU-X"] }, false },
        { "a line of 7 or more", new RuleConditions { MinQuantity = 7 }, true },
        { "a line of 8 or more", new RuleConditions { MinQuantity = 8 }, false },
        { "segment loyal", new RuleConditions { Segments = [SegmentNames.Loyal, SegmentNames.Champions] }, true },
        { "segment lost", new RuleConditions { Segments = [SegmentNames.Lost] }, false },
        { "new customer", new RuleConditions { NewCustomer = true }, true },
        { "returning customer", new RuleConditions { NewCustomer = false }, false },
        { "all of them", new RuleConditions { MinTotal = 100m, MaxTotal = 200m, Channels = [SalesChannel.Phone], Countries = ["DE"], Skus = ["SKU-A"], MinQuantity = 2, Segments = ["loyal"], NewCustomer = true }, true },
        { "all but one", new RuleConditions { MinTotal = 100m, MaxTotal = 200m, Channels = [SalesChannel.Phone], Countries = ["DE"], Skus = ["SKU-A"], MinQuantity = 2, Segments = ["loyal"], NewCustomer = false }, false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_rule_matches_when_every_condition_holds(string condition, RuleConditions conditions, bool matches)
    {
        var decisions = RuleEvaluation.Decide([Rule(1, 10, conditions, Hold)], Order);

        Assert.True(matches == !decisions.IsEmpty, condition);
    }

    [Fact]
    public void An_unknown_segment_matches_no_segment_condition()
    {
        var decisions = RuleEvaluation.Decide([Rule(1, 10, new RuleConditions { Segments = [SegmentNames.Loyal] }, Hold)], Order with { Segment = null });

        Assert.Empty(decisions);
    }

    /// <summary>Rules as (id, priority, action), and the rule ids whose actions take effect, in order.</summary>
    public static TheoryData<string, (int Id, int Priority, RuleAction Action)[], int[]> Precedence => new()
    {
        { "the first hold by priority wins", [(1, 20, Hold), (2, 10, Hold with { Reason = "other" })], [2] },
        { "equal priority: lower id first", [(2, 10, Hold), (1, 10, Hold)], [1] },
        { "an earlier auto-approve beats a hold", [(1, 5, new RuleAction(RuleActionKind.AutoApprove)), (2, 10, Hold)], [1] },
        { "an earlier hold beats an auto-approve", [(1, 5, Hold), (2, 10, new RuleAction(RuleActionKind.AutoApprove))], [1] },
        { "the first priority wins", [(1, 1, Level(OrderPriority.Vip)), (2, 2, Level(OrderPriority.Express))], [1] },
        { "the first preferred warehouse wins", [(1, 1, Warehouse(RuleActionKind.PreferWarehouse, "w1")), (2, 2, Warehouse(RuleActionKind.PreferWarehouse, "w2"))], [1] },
        { "every excluded warehouse, once", [(1, 1, Warehouse(RuleActionKind.ExcludeWarehouse, "w1")), (2, 2, Warehouse(RuleActionKind.ExcludeWarehouse, "w2")), (3, 3, Warehouse(RuleActionKind.ExcludeWarehouse, "w1"))], [1, 2] },
        { "a signature once", [(1, 1, new RuleAction(RuleActionKind.RequireSignature)), (2, 2, new RuleAction(RuleActionKind.RequireSignature))], [1] },
        { "different kinds all apply", [(1, 1, Hold), (2, 2, Level(OrderPriority.Express)), (3, 3, new RuleAction(RuleActionKind.RequireSignature))], [1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void Rules_run_by_priority_then_id_and_the_first_decision_of_a_kind_wins(string precedence, (int Id, int Priority, RuleAction Action)[] rules, int[] applied)
    {
        var decisions = RuleEvaluation.Decide(rules.Select(r => Rule(r.Id, r.Priority, new RuleConditions(), r.Action)), Order);

        Assert.True(applied.SequenceEqual(decisions.Select(d => d.RuleId)), $"{precedence}: {string.Join(", ", decisions.Select(d => d.RuleId))}");
    }

    [Fact]
    public void A_disabled_rule_decides_nothing()
    {
        var decisions = RuleEvaluation.Decide([Rule(1, 10, new RuleConditions(), Hold) with { Enabled = false }], Order);

        Assert.Empty(decisions);
    }

    [Fact]
    public void Decisions_name_their_rule_and_keep_the_rules_action_order()
    {
        var rule = Rule(4, 10, new RuleConditions(), Level(OrderPriority.Express)) with
        {
            Name = "phone DE",
            Actions = [Level(OrderPriority.Express), Hold, new RuleAction(RuleActionKind.RequireSignature)],
        };

        var decisions = RuleEvaluation.Decide([rule], Order);

        Assert.Equal([RuleActionKind.Priority, RuleActionKind.Hold, RuleActionKind.RequireSignature], decisions.Select(d => d.Action.Kind));
        Assert.All(decisions, d => Assert.Equal((4, "phone DE"), (d.RuleId, d.RuleName)));
    }

    [Fact]
    public void The_default_rule_holds_orders_above_the_review_threshold_only()
    {
        var rule = new RuleDefinition(RulesGrain.HighValue, 100, new RuleConditions { MinTotal = 5000m }, [Hold]).ToRule(1);

        Assert.Empty(RuleEvaluation.Decide([rule], Order with { Total = 5000m }));
        Assert.Single(RuleEvaluation.Decide([rule], Order with { Total = 5000.01m }));
    }

    /// <summary>A definition wrong in one place, and that field.</summary>
    public static TheoryData<RuleDefinition, string> BadDefinitions => new()
    {
        { new RuleDefinition(" ", 1, null, [Hold]), "name" },
        { new RuleDefinition(new string('x', 101), 1, null, [Hold]), "name" },
        { new RuleDefinition("r", -1, null, [Hold]), "priority" },
        { new RuleDefinition("r", 1, null, []), "actions" },
        { new RuleDefinition("r", 1, null, default), "actions" },
        { new RuleDefinition("r", 1, new RuleConditions { MinTotal = -1m }, [Hold]), "conditions.minTotal" },
        { new RuleDefinition("r", 1, new RuleConditions { MinTotal = 10m, MaxTotal = 5m }, [Hold]), "conditions.maxTotal" },
        { new RuleDefinition("r", 1, new RuleConditions { MinQuantity = 0 }, [Hold]), "conditions.minQuantity" },
        { new RuleDefinition("r", 1, new RuleConditions { Countries = ["GB", "DEU"] }, [Hold]), "conditions.countries[1]" },
        { new RuleDefinition("r", 1, new RuleConditions { Skus = [" "] }, [Hold]), "conditions.skus[0]" },
        { new RuleDefinition("r", 1, new RuleConditions { Segments = ["vip"] }, [Hold]), "conditions.segments[0]" },
        { new RuleDefinition("r", 1, new RuleConditions { Channels = [(SalesChannel)99] }, [Hold]), "conditions.channels[0]" },
        { new RuleDefinition("r", 1, null, [new RuleAction(RuleActionKind.Hold)]), "actions[0].reason" },
        { new RuleDefinition("r", 1, null, [Hold, new RuleAction(RuleActionKind.Priority)]), "actions[1].level" },
        { new RuleDefinition("r", 1, null, [new RuleAction(RuleActionKind.ExcludeWarehouse)]), "actions[0].warehouseId" },
        { new RuleDefinition("r", 1, null, [new RuleAction((RuleActionKind)42)]), "actions[0].kind" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public void A_bad_definition_names_the_field(RuleDefinition definition, string field)
    {
        Assert.Equal([field], definition.Problems().Keys);
    }

    private static AutomationRule Rule(int id, int priority, RuleConditions conditions, RuleAction action) =>
        new(id, $"rule {id}", priority, Enabled: true, conditions.Normalized(), [action]);

    private static RuleAction Level(OrderPriority level) => new(RuleActionKind.Priority, Level: level);

    private static RuleAction Warehouse(RuleActionKind kind, string id) => new(kind, WarehouseId: id);
}