using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderGrid.Tests.Fuzz;

/// <summary>
/// What an admin can read of the system's state: every parameterless <c>/api</c> read, the given reads (orders,
/// customers), and the catalog and each warehouse's stock levels page by page. Two snapshots differ in the keys whose
/// answers differ; a problem's trace id and the counts of a sliding window of time (orders placed in the last minute or
/// hour, which fall as the clock moves on a slow machine) are left out.
/// </summary>
public sealed partial class StateSnapshot
{
    private readonly Dictionary<string, string> answers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Answers => answers;

    public static async Task<StateSnapshot> Take(HttpClient admin, IEnumerable<FuzzTarget> targets, IEnumerable<string> reads)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var snapshot = new StateSnapshot();
        var lists = targets.Where(t => t.Method == "GET" && t.RouteValues.Count == 0 && t.Pattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Select(t => t.Pattern.RawText!);
        foreach (var path in lists.Concat(reads))
        {
            await snapshot.Read(admin, path);
        }

        await snapshot.Pages(admin, "/api/catalog?");
        foreach (var warehouse in OrderGridApp.Warehouses)
        {
            await snapshot.Pages(admin, $"/api/stock?warehouseId={warehouse}&");
        }

        return snapshot;
    }

    /// <summary>Keys whose answers differ between the two snapshots (or that only one has).</summary>
    public IReadOnlyList<string> Differences(StateSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return [.. answers.Keys.Union(other.answers.Keys).Where(k => answers.GetValueOrDefault(k) != other.answers.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    public string Of(string key) => answers.GetValueOrDefault(key) ?? "(absent)";

    private async Task Pages(HttpClient admin, string path)
    {
        for (var page = 1; page <= 50; page++)
        {
            var items = JsonNode.Parse(await Read(admin, $"{path}page={page}&pageSize=200"))?["items"] as JsonArray;
            if (items is not { Count: > 0 })
            {
                return;
            }
        }
    }

    private async Task<string> Read(HttpClient admin, string path)
    {
        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        answers[path] = $"{(int)response.StatusCode} {TimeWindow().Replace(TraceId().Replace(body, ""), "")}";
        return response.IsSuccessStatusCode && body.StartsWith('{') ? body : "{}";
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"placedLast(Minute|Hour)\":\\d+")]
    private static partial Regex TimeWindow();
}