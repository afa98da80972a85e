using System.Text.RegularExpressions;

using OrderGrid.Waves;

namespace OrderGrid.Tests.Waves;

/// <summary>The wall's wave-size input offers exactly the sizes the server takes (<see cref="PickQueueRules.MaxPickListsPerWave"/>).</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class WaveSizeBoundsTests
{
    [Fact]
    public void The_wall_offers_the_wave_sizes_the_pick_queue_takes()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "dashboard", "src", "wall", "pick-queue.ts"));

        Assert.Equal(PickQueueRules.MinPickListsPerWave, Constant(source, "minPickListsPerWave"));
        Assert.Equal(PickQueueRules.MaxPickListsPerWave, Constant(source, "maxPickListsPerWave"));
    }

    private static int Constant(string source, string name)
    {
        var match = ConstantPattern().Matches(source).FirstOrDefault(m => m.Groups["name"].Value == name);
        Assert.True(match is not null, $"pick-queue.ts has no `export const {name} = <number>;`.");
        return int.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"export const (?<name>\w+) = (?<value>\d+);")]
    private static partial Regex ConstantPattern();
}