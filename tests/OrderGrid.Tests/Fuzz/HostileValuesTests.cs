using System.Text;

namespace OrderGrid.Tests.Fuzz;

[Trait(Lane.Name, Lane.Fast)]
public sealed class HostileValuesTests
{
    [Fact]
    public void The_fuzzed_charsets_include_ones_the_runtime_refuses_and_utf8()
    {
        var refusals = HostileValues.Charsets.Select(Refusal).ToList();

        Assert.Contains(refusals, r => r == typeof(NotSupportedException));
        Assert.Contains(refusals, r => r == typeof(ArgumentException));
        Assert.Contains(refusals, r => r is null);
        Assert.Contains("utf-8", HostileValues.Charsets);
    }

    private static Type? Refusal(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException)
        {
            return exception.GetType();
        }
    }
}