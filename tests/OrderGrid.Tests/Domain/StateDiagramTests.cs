using System.Text.RegularExpressions;

using OrderGrid.Orders;

namespace OrderGrid.Tests.Domain;

/// <summary>The order's state diagram in the documents (mermaid) against its transition table, both ways.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class StateDiagramTests
{
    [Fact]
    public void The_state_diagram_draws_exactly_the_transition_table()
    {
        var drawn = DiagramEdges();
        var table = OrderTransitions.Legal
            .Select(t => (From: t.From?.ToString() ?? "[*]", To: t.To.ToString(), Move: OrderTransitions.Name(t.Move)))
            .ToHashSet();

        Assert.True(table.Except(drawn).ToArray() is [], $"Moves of the table missing from the diagram: {string.Join("; ", table.Except(drawn))}");
        Assert.True(drawn.Except(table).ToArray() is [], $"Arrows of the diagram the table does not allow: {string.Join("; ", drawn.Except(table))}");
    }

    /// <summary>
    /// Every arrow of the order's diagram as (from, to, move): a label names its moves, comma-separated; words in
    /// parentheses are comments. The diagram is the one <c>stateDiagram-v2</c> block that draws <c>AwaitingReview</c>,
    /// wherever the documents keep it (README.md or docs/).
    /// </summary>
    private static HashSet<(string From, string To, string Move)> DiagramEdges()
    {
        var root = Repository.Root;
        var documents = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"));
        var diagrams = documents
            .SelectMany(path => MermaidBlock().Matches(File.ReadAllText(path)).Select(m => m.Groups["body"].Value))
            .Where(body => body.TrimStart().StartsWith("stateDiagram-v2", StringComparison.Ordinal) && body.Contains("AwaitingReview", StringComparison.Ordinal))
            .ToArray();
        var diagram = Assert.Single(diagrams);

        var edges = new HashSet<(string, string, string)>();
        foreach (var arrow in diagram.Split('\n').Select(line => Arrow().Match(line)).Where(m => m.Success))
        {
            var moves = Comment().Replace(arrow.Groups["label"].Value, "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.True(moves.Length > 0, $"The arrow '{arrow.Value.Trim()}' names no move.");
            foreach (var move in moves)
            {
                edges.Add((arrow.Groups["from"].Value, arrow.Groups["to"].Value, move));
            }
        }

        return edges;
    }

    [GeneratedRegex(@"```mermaid\s*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"^\s*(?<from>\S+)\s*-->\s*(?<to>\S+?)\s*(:(?<label>.*))?$")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Comment();
}