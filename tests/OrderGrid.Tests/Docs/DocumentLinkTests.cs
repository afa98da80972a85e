using System.Text.RegularExpressions;

namespace OrderGrid.Tests.Docs;

/// <summary>The README and docs/ stand on their own: every link leads somewhere in this repository that exists.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class DocumentLinkTests
{
    public static TheoryData<string> Documents => [.. Repository.Documents];

    [Fact]
    public void The_documents_are_the_readme_and_the_topics_behind_it()
    {
        Assert.Equal(
            ["README.md", "docs/api.md", "docs/architecture.md", "docs/operations.md", "docs/performance.md", "docs/planning.md", "docs/security.md", "docs/testing.md"],
            Repository.Documents.Where(d => d == "README.md" || Topics.Contains(d)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_and_image_points_to_a_file_that_exists(string document)
    {
        var broken = Repository.Read(document).Links
            .Where(link => IsRelative(link.Target) && FileOrFolder(Target(document, link.Target)) is null)
            .Select(link => $"{document}:{link.Line} {link.Target}");

        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_anchor_points_to_a_heading_that_exists(string document)
    {
        var broken = Repository.Read(document).Links
            .Where(link => IsRelative(link.Target) && link.Target.Contains('#', StringComparison.Ordinal))
            .Where(link =>
            {
                var target = Target(document, link.Target);
                var anchor = link.Target[(link.Target.IndexOf('#', StringComparison.Ordinal) + 1)..];
                return !target.EndsWith(".md", StringComparison.Ordinal)
                    || FileOrFolder(target) is null
                    || !Repository.Read(Path.GetRelativePath(Repository.Root, target).Replace('\\', '/')).Anchors.Contains(anchor);
            })
            .Select(link => $"{document}:{link.Line} {link.Target}");

        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_document_cites_a_section_or_a_document_outside_the_repository(string document)
    {
        var citations = Repository.Read(document).Prose
            .SelectMany(line => Outside(line.Text).Select(found => $"{document}:{line.Line} {found}"));

        Assert.Empty(citations);
    }

    [Fact]
    public void A_citation_of_a_missing_document_or_a_section_sign_is_found()
    {
        Assert.Equal(["§6", "live-contract.md", "../shared/docs/stack.md"], Outside("Every change flows (architecture §6, see `live-contract.md` and ../shared/docs/stack.md)."));
        Assert.Empty(Outside("See [api.md](docs/api.md), `silo/Seed/README.md` and the README."));
    }

    [Fact]
    public void Anchors_are_the_ones_github_makes()
    {
        var document = MarkdownDocument.Parse("x.md", "# Group commit: the hot SKU\n## Keys and who may call what\n```\n# not a heading\n```\n## Storage\n## Storage\n");

        Assert.Equal(["group-commit-the-hot-sku", "keys-and-who-may-call-what", "storage", "storage-1"], document.Anchors);
    }

    private static readonly string[] Topics =
        ["docs/api.md", "docs/architecture.md", "docs/operations.md", "docs/performance.md", "docs/planning.md", "docs/security.md", "docs/testing.md"];

    /// <summary>A section sign, a path leaving the repository, or a Markdown file named that is nowhere in it.</summary>
    private static List<string> Outside(string text)
    {
        IEnumerable<string> found =
        [
            .. SectionSign().Matches(text).Select(m => m.Value.Trim()),
            .. MarkdownFileName().Matches(text).Select(m => m.Value).Where(name => !RepositoryHas(name)),
            .. OutsidePath().Matches(text).Select(m => m.Value),
        ];
        return [.. found.Distinct()];
    }

    // A name is in the repository when some Markdown file's path ends with it (`README.md`, `silo/Seed/README.md`).
    private static bool RepositoryHas(string markdownPath)
    {
        var tail = "/" + markdownPath.TrimStart('.', '/');
        return Repository.MarkdownFiles.Any(path => ("/" + path).EndsWith(tail, StringComparison.Ordinal));
    }

    private static bool IsRelative(string target) => !UriScheme().IsMatch(target) && !target.StartsWith('/');

    private static string Target(string document, string target)
    {
        var path = target.Split('#')[0];
        return path.Length == 0
            ? Repository.PathOf(document)
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.PathOf(document))!, Uri.UnescapeDataString(path)));
    }

    // Inside the repository only: a link out of it (../../shared) is as broken as a missing file.
    private static string? FileOrFolder(string path) =>
        path.StartsWith(Repository.Root, StringComparison.Ordinal) && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"§\s*[\w.]*")]
    private static partial Regex SectionSign();

    [GeneratedRegex(@"[\w./-]*[\w-]+\.md\b")]
    private static partial Regex MarkdownFileName();

    [GeneratedRegex(@"(\.\./)+shared\b[\w./-]*|/work/[\w./-]+")]
    private static partial Regex OutsidePath();
}