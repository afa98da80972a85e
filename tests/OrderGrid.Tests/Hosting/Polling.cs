namespace OrderGrid.Tests.Hosting;

/// <summary>Waits on in-process state that another turn changes (a feed's deliveries, a grain call's counts).</summary>
public static class Polling
{
    /// <summary>Reads <paramref name="read"/> every 20 ms until <paramref name="done"/> holds; fails after 10 s.</summary>
    public static async Task<T> Until<T>(Func<T> read, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = read();
        while (!done(value))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never got there: {value}");
            await Task.Delay(20);
            value = read();
        }

        return value;
    }
}