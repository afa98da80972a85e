using System.Globalization;

using Spectre.Console;

namespace OrderGrid.Silo.Import;

/// <summary>How imports talk to the person running them: a progress bar, bad rows by line, a summary table.</summary>
internal static class ImportConsole
{
    /// <summary>Runs <paramref name="work"/> under one progress bar; it reports (value of <paramref name="maxValue"/>, description).</summary>
    public static async Task<T> WithProgress<T>(this IAnsiConsole console, string description, double maxValue, Func<Action<double, string>, Task<T>> work)
    {
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(maxValue, 1));
                result = await work((value, text) =>
                {
                    task.Value = value;
                    task.Description = Markup.Escape(text);
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static void BadRows(this IAnsiConsole console, string heading, IReadOnlyList<BadRow> rows, int total)
    {
        console.MarkupLineInterpolated($"[red]{heading}[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumn("line").AddColumn("problem");
        foreach (var row in rows)
        {
            table.AddRow(new Text(row.Line.ToString("N0", CultureInfo.InvariantCulture)), new Text(row.Reason));
        }

        console.Write(table);
        if (total > rows.Count)
        {
            console.MarkupLineInterpolated($"[red]… and {total - rows.Count:N0} more.[/]");
        }
    }

    public static void Summary(this IAnsiConsole console, string title, string path, IEnumerable<(string Label, string Value)> rows)
    {
        console.MarkupLineInterpolated($"[bold]{title}[/] {path}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        foreach (var (label, value) in rows)
        {
            table.AddRow(new Text(label), new Text(value));
        }

        console.Write(table);
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
}