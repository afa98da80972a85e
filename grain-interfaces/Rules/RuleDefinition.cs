using System.Collections.Immutable;

using OrderGrid.Orders;
using OrderGrid.Planning;

namespace OrderGrid.Rules;

/// <summary>What an admin writes to create or replace a rule; <see cref="Problems"/> says what is wrong with it.</summary>
[GenerateSerializer, Immutable, Alias("og.rule-definition")]
public sealed record RuleDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] int Priority,
    [property: Id(2)] RuleConditions? Conditions,
    [property: Id(3)] ImmutableArray<RuleAction> Actions,
    [property: Id(4)] bool Enabled = true)
{
    public const int MaxNameLength = 100;
    public const int MaxReasonLength = 200;
    public const int MaxActions = 10;
    public const int MaxListLength = 200;

    /// <summary>
    /// Problems by field path (<c>name</c>, <c>conditions.countries[1]</c>, <c>actions[0].reason</c>); empty when valid.
    /// Given the business's <paramref name="warehouses"/>, a warehouse action must name one of them.
    /// </summary>
    public ImmutableDictionary<string, string[]> Problems(IReadOnlyCollection<string>? warehouses = null)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (TextProblem(Name, MaxNameLength) is { } name)
        {
            Add("name", name);
        }

        if (Priority is < 0 or > 1_000_000)
        {
            Add("priority", "Must be between 0 and 1,000,000 (lower runs first).");
        }

        if (Conditions is { } c)
        {
            ConditionProblems(c, Add);
        }

        var actions = Actions.IsDefault ? [] : Actions;
        if (actions.IsEmpty || actions.Length > MaxActions)
        {
            Add("actions", $"Give between 1 and {MaxActions} actions.");
        }

        for (var i = 0; i < Math.Min(actions.Length, MaxActions); i++)
        {
            ActionProblems(actions[i], $"actions[{i}]", warehouses, Add);
        }

        return problems.ToImmutableDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The rule this definition makes under <paramref name="id"/>; call after <see cref="Problems"/> found nothing.</summary>
    public AutomationRule ToRule(int id) =>
        new(id, Name.Trim(), Priority, Enabled, (Conditions ?? new RuleConditions()).Normalized(), Actions);

    private static void ConditionProblems(RuleConditions c, Action<string, string> add)
    {
        if (c.MinTotal is < 0)
        {
            add("conditions.minTotal", "Must not be negative.");
        }

        if (c.MaxTotal is < 0 || c.MaxTotal < c.MinTotal)
        {
            add("conditions.maxTotal", "Must not be negative nor below the lower bound (the order value above).");
        }

        if (c.MinQuantity is < 1)
        {
            add("conditions.minQuantity", "Must be at least 1.");
        }

        Each(c.Channels, "conditions.channels", ch => Enum.IsDefined(ch) ? null : "Unknown channel.", add);
        Each(c.Countries, "conditions.countries", country =>
            Countries.IsCode(country) ? null : "Must be a two-letter ISO 3166 code, e.g. GB.", add);
        Each(c.Skus, "conditions.skus", sku => TextProblem(sku, 200), add);
        Each(c.Segments, "conditions.segments", segment =>
            SegmentNames.IsKnown(segment) ? null : $"Unknown segment; the segments are {string.Join(", ", SegmentNames.All)}.", add);
    }

    private static void ActionProblems(RuleAction? action, string path, IReadOnlyCollection<string>? warehouses, Action<string, string> add)
    {
        if (action is null)
        {
            add(path, "Action is missing.");
            return;
        }

        var problem = action.Kind switch
        {
            RuleActionKind.Hold => TextProblem(action.Reason, MaxReasonLength) is { } reason ? ("reason", reason) : default,
            RuleActionKind.Priority => action.Level is { } level && Enum.IsDefined(level) ? default : ("level", "Required: normal, express or vip."),
            RuleActionKind.PreferWarehouse or RuleActionKind.ExcludeWarehouse =>
                TextProblem(action.WarehouseId, 100) is { } warehouse ? ("warehouseId", warehouse)
                : warehouses is not null && !warehouses.Contains(action.WarehouseId!.Trim()) ? ("warehouseId", $"Unknown warehouse {action.WarehouseId.Trim()}; the warehouses are {string.Join(", ", warehouses)}.")
                : default,
            RuleActionKind.AutoApprove or RuleActionKind.RequireSignature => default,
            _ => ("kind", "Unknown action."),
        };
        if (problem is (string field, string message))
        {
            add($"{path}.{field}", message);
        }
    }

    private static void Each<T>(ImmutableArray<T> values, string path, Func<T, string?> problem, Action<string, string> add)
    {
        if (values.IsDefault)
        {
            return;
        }

        if (values.Length > MaxListLength)
        {
            add(path, $"At most {MaxListLength} values.");
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                add($"{path}[{i}]", "Required.");
            }
            else if (problem(values[i]) is { } message)
            {
                add($"{path}[{i}]", message);
            }
        }
    }

    private static string? TextProblem(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "Required."
        : value.Length > maxLength ? $"At most {maxLength} characters."
        : value.Any(char.IsControl) ? "Must not contain control characters."
        : null;
}