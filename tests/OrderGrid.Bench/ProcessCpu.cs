using System.Globalization;

namespace OrderGrid.Bench;

/// <summary>
/// CPU time of processes from Linux's <c>/proc/&lt;pid&gt;/stat</c> (user + system), so that a run can say how much
/// the server, PostgreSQL and the load clients each used. PostgreSQL is a family of processes: the postmaster's own
/// time and its exited children's (which the kernel adds to the postmaster's <c>cutime</c>/<c>cstime</c> when it reaps
/// them), plus the time of its live children (backends, WAL writer, checkpointer, …). Elsewhere than Linux: unknown
/// (null).
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc's times, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>One process's user + system time; with <paramref name="reapedChildren"/>, that of its reaped children too.</summary>
    public static TimeSpan? Of(int? pid, bool reapedChildren = false)
    {
        if (pid is null || Stat(pid.Value) is not { } stat)
        {
            return null;
        }

        var ticks = stat.User + stat.System + (reapedChildren ? stat.ChildrenUser + stat.ChildrenSystem : 0);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>A process and every descendant, live or reaped (PostgreSQL's postmaster and its backends).</summary>
    public static TimeSpan? OfTree(int? root)
    {
        if (root is null || Of(root, reapedChildren: true) is not { } total)
        {
            return null;
        }

        var children = new Dictionary<int, List<int>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
            {
                if (!children.TryGetValue(stat.Parent, out var list))
                {
                    children[stat.Parent] = list = [];
                }

                list.Add(pid);
            }
        }

        var pending = new Stack<int>(children.GetValueOrDefault(root.Value) ?? []);
        while (pending.TryPop(out var pid))
        {
            total += Of(pid, reapedChildren: true) ?? TimeSpan.Zero;
            foreach (var grandchild in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Push(grandchild);
            }
        }

        return total;
    }

    private static (int Parent, long User, long System, long ChildrenUser, long ChildrenSystem)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid … utime stime cutime cstime …": comm may hold spaces and parentheses, so count
        // from the last ')'. After it: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length < 15
            ? null
            : (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[11], CultureInfo.InvariantCulture),
                long.Parse(fields[12], CultureInfo.InvariantCulture), long.Parse(fields[13], CultureInfo.InvariantCulture),
                long.Parse(fields[14], CultureInfo.InvariantCulture));
    }
}