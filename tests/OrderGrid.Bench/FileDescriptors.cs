using System.Globalization;

namespace OrderGrid.Bench;

/// <summary>
/// Room for the live scenario's connections: each tracking client is a socket in this process (and another in the
/// server's). .NET raises its soft limit on open files to the hard one at start; beyond that only the shell that
/// starts the bench can help (<c>ulimit -Hn</c> shows the hard limit, <c>ulimit -n 20000</c> raises both as root).
/// </summary>
internal static class FileDescriptors
{
    /// <summary>Says so, before connecting, when <paramref name="clients"/> connections may not fit.</summary>
    public static void Check(int clients)
    {
        var needed = clients + 1_000;
        if (OpenFilesLimit() is { } limit && limit < needed)
        {
            Console.WriteLine(
                $"warning: {clients:N0} clients need about {needed:N0} open files, this process may have {limit:N0}; "
                + $"raise the limit in the shell that starts the bench (`ulimit -Hn` shows the hard limit; `ulimit -n {needed}`).");
        }
    }

    /// <summary>The soft limit on open files (Linux: <c>/proc/self/limits</c>), null when unknown.</summary>
    private static long? OpenFilesLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
        }
        catch (Exception unknown) when (unknown is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}