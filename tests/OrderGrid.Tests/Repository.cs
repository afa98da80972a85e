using OrderGrid.Tests.Docs;

namespace OrderGrid.Tests;

/// <summary>The checked-out repository the tests run from: its documents, the dashboard sources and the built silo they check.</summary>
public static class Repository
{
    // Folders of installed packages and build output: their Markdown is not ours.
    private static readonly HashSet<string> NotOurs = [".git", "node_modules", "bin", "obj", "wwwroot"];

    /// <summary>The folder holding <c>OrderGrid.sln</c>, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The README and every document under <c>docs/</c>, as paths relative to <see cref="Root"/> with '/'.</summary>
    public static IReadOnlyList<string> Documents { get; } =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Select(path => "docs/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every Markdown file of the repository, relative to <see cref="Root"/>, with '/'.</summary>
    public static IReadOnlyList<string> MarkdownFiles { get; } = [.. MarkdownUnder(new DirectoryInfo(Root)).Order(StringComparer.Ordinal)];

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public static MarkdownDocument Read(string relative) => MarkdownDocument.Parse(relative, File.ReadAllText(PathOf(relative)));

    private static IEnumerable<string> MarkdownUnder(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.md").Select(file => Path.GetRelativePath(Root, file.FullName).Replace('\\', '/'))
            .Concat(folder.EnumerateDirectories().Where(d => !NotOurs.Contains(d.Name)).SelectMany(MarkdownUnder));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderGrid.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderGrid.sln above {AppContext.BaseDirectory}.");
    }
}