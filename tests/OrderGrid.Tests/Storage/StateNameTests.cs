using System.Reflection;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// The grain storage (OrderGrid's, as the AdoNet one before it) keys a row by the grain's key and the state's name, not by the grain type: two grain classes
/// that share a state name and a key (an order and its after-sales) would read and overwrite each other's row.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class StateNameTests
{
    [Fact]
    public void Every_grain_class_stores_its_state_under_a_name_no_other_grain_class_uses()
    {
        var states = typeof(OrderGrain).Assembly.GetTypes()
            .Where(type => typeof(Grain).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => type.GetConstructors().SelectMany(c => c.GetParameters())
                .Select(parameter => parameter.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(attribute => (Grain: type.Name, attribute.StateName)))
            .Distinct()
            .ToList();

        Assert.Contains(states, s => s.Grain == nameof(OrderGrain) && s.StateName == "order");
        var shared = states.GroupBy(s => s.StateName).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Grain))}");
        Assert.Empty(shared);
    }
}