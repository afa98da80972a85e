using System.Text;
using System.Text.RegularExpressions;

namespace OrderGrid.Tests.Docs;

/// <summary>A link or image target as written, with the line it is on.</summary>
public sealed record MarkdownLink(string Target, int Line);

/// <summary>A table row's cells (without the pipes), with the heading it sits under.</summary>
public sealed record MarkdownRow(string Section, IReadOnlyList<string> Cells, int Line);

/// <summary>
/// What the document tests need of a Markdown file: headings as GitHub anchors, links and images, table rows, and the
/// prose outside code. Fenced code blocks are not prose: links and references in them are examples, not citations.
/// </summary>
public sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, IReadOnlyList<string> anchors, IReadOnlyList<MarkdownLink> links, IReadOnlyList<MarkdownRow> rows, IReadOnlyList<(string Text, int Line)> prose)
    {
        Path = path;
        Anchors = anchors;
        Links = links;
        Rows = rows;
        Prose = prose;
    }

    /// <summary>Relative to the repository root, with '/'.</summary>
    public string Path { get; }

    /// <summary>The anchors GitHub gives the headings, duplicates numbered (<c>-1</c>, <c>-2</c>) as GitHub does.</summary>
    public IReadOnlyList<string> Anchors { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    public IReadOnlyList<MarkdownRow> Rows { get; }

    /// <summary>Every line outside fenced code.</summary>
    public IReadOnlyList<(string Text, int Line)> Prose { get; }

    public static MarkdownDocument Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anchors = new List<string>();
        var links = new List<MarkdownLink>();
        var rows = new List<MarkdownRow>();
        var prose = new List<(string, int)>();
        var section = "";
        var fenced = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            prose.Add((line, number));
            if (Heading().Match(line) is { Success: true } heading)
            {
                section = heading.Groups["text"].Value.Trim();
                anchors.Add(Numbered(AnchorOf(section), anchors));
            }

            var outsideCode = InlineCode().Replace(line, "");
            links.AddRange(Link().Matches(outsideCode).Select(m => new MarkdownLink(m.Groups["target"].Value, number)));
            if (line.StartsWith('|') && !Separator().IsMatch(line))
            {
                rows.Add(new MarkdownRow(section, Cells(line), number));
            }
        }

        return new MarkdownDocument(path, anchors, links, rows, prose);
    }

    /// <summary>GitHub's anchor for a heading: lower case, markup and punctuation dropped, spaces to hyphens.</summary>
    public static string AnchorOf(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var text = LinkMarkup().Replace(heading, "${text}").ToLowerInvariant();
        var anchor = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString();
    }

    private static string Numbered(string anchor, List<string> earlier)
    {
        var count = earlier.Count(a => a == anchor || (a.StartsWith(anchor + "-", StringComparison.Ordinal) && int.TryParse(a.AsSpan(anchor.Length + 1), out _)));
        return count == 0 ? anchor : $"{anchor}-{count}";
    }

    // A pipe inside inline code (`a\|b`) is escaped in the source and stays part of its cell.
    private static string[] Cells(string line) =>
        [.. CellSplit().Split(line.Trim().Trim('|')).Select(cell => cell.Replace("\\|", "|", StringComparison.Ordinal).Trim())];

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkMarkup();

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();
}