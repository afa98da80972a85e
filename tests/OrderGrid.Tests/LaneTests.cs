using System.Reflection;

using Xunit.Abstractions;

namespace OrderGrid.Tests;

/// <summary>Every test class is in exactly one lane, and the fast and model lanes hold only what needs no host.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class LaneTests
{
    private static readonly Type[] TestClasses = [.. typeof(LaneTests).Assembly.GetTypes()
        .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()))];

    [Fact]
    public void Every_test_class_names_one_lane()
    {
        var wrong = TestClasses
            .Select(type => (type, lanes: Lanes(type)))
            .Where(x => x.lanes.Length != 1 || !Lane.All.Contains(x.lanes[0]))
            .Select(x => $"{x.type.FullName}: [{string.Join(", ", x.lanes)}]")
            .ToList();

        Assert.True(wrong.Count == 0, "Each test class needs exactly one [Trait(Lane.Name, Lane.Fast|Models|Integration|System)]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Fast_tests_share_no_host()
    {
        var hosted = TestClasses
            .Where(type => Lanes(type) is [Lane.Fast] or [Lane.Models])
            .Where(type => type.GetCustomAttributes<CollectionAttribute>().Any()
                || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
                || type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType != typeof(ITestOutputHelper))))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(hosted.Count == 0, "Fast and model tests take no fixture or collection: " + string.Join(", ", hosted));
    }

    // xUnit's TraitAttribute keeps its name and value only as constructor arguments.
    private static string[] Lanes(Type type) =>
        [.. type.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(TraitAttribute) && Equals(attribute.ConstructorArguments[0].Value, Lane.Name))
            .Select(attribute => (string)attribute.ConstructorArguments[1].Value!)];
}