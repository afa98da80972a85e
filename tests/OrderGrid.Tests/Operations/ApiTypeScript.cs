using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Operations;

/// <summary>
/// Writes the TypeScript types of an OpenAPI 3.1 document's component schemas (the document the app serves at
/// <c>/openapi/v1.json</c>): an object becomes an interface, a string enum a <c>const</c> list and its union type,
/// <c>$ref</c> the named type, <c>oneOf</c> a union, a <c>"null"</c> type <c>| null</c>, an array <c>T[]</c> and a
/// dictionary (<c>additionalProperties</c>) a <c>Record&lt;string, T&gt;</c>. Numbers the API also reads from
/// strings (<c>["integer", "string"]</c>) are numbers: the API writes them as numbers.
/// </summary>
/// <remarks>
/// The API writes every property (no ignore conditions), so a schema the server writes (one no request body
/// reaches) has every property present; a property of a request-only schema is optional unless required.
/// </remarks>
public static class ApiTypeScript
{
    public const string DashboardPath = "dashboard/src/shared/api-types.ts";

    /// <summary>Schemas the dashboard has from another generated file: imported from there, not written again.</summary>
    public static IReadOnlyDictionary<string, string> Imported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EventKind"] = "./event-kinds",
    };

    private const string Header =
        "// Generated from the API's OpenAPI document (/openapi/v1.json) by tests/OrderGrid.Tests/Operations/ApiTypeScript.cs;\n"
        + "// ApiTypesContractTests fails when this file differs. Rewrite it with\n"
        + "//   ORDERGRID_WRITE_API_TYPES=1 dotnet test tests/OrderGrid.Tests --filter FullyQualifiedName~ApiTypesContractTests\n"
        + "// after changing an API type (docs/api.md, \"TypeScript types\"). Do not edit by hand.\n";

    /// <summary>The file for <paramref name="document"/>: header, imports, then one declaration per schema in name order.</summary>
    public static string Generate(JsonObject document, IReadOnlyDictionary<string, string>? imported = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        imported ??= Imported;
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var written = WrittenByServer(document, schemas);
        var names = schemas.Select(s => s.Key).Where(n => !imported.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();

        var body = new StringBuilder();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            body.Append('\n').Append(Declaration(name, (JsonObject)schemas[name]!, schemas, written.Contains(name), used));
        }

        var text = new StringBuilder(Header);
        foreach (var group in used.Where(imported.ContainsKey).GroupBy(n => imported[n]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\nimport type {{ {string.Join(", ", group)} }} from \"{group.Key}\";\n");
        }

        return text.Append(body).ToString();
    }

    /// <summary>One schema's declaration (with its description as a comment).</summary>
    public static string Declaration(string name, JsonObject schema, JsonObject schemas, bool written, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder(Comment(schema, ""));
        if (schema["enum"] is JsonArray values && !IsNullable(schema))
        {
            var list = Plural(char.ToLowerInvariant(name[0]) + name[1..]);
            text.Append(CultureInfo.InvariantCulture, $"export const {list} = [{string.Join(", ", values.Select(Literal))}] as const;\n")
                .Append(CultureInfo.InvariantCulture, $"export type {name} = (typeof {list})[number];\n");
        }
        else if (schema["properties"] is JsonObject)
        {
            text.Append(CultureInfo.InvariantCulture, $"export interface {name} ").Append(ObjectType(schema, schemas, written, used, "")).Append('\n');
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"export type {name} = {TypeOf(schema, schemas, written, used, "")};\n");
        }

        return text.ToString();
    }

    /// <summary>The TypeScript type of one schema, nested types written inline at <paramref name="indent"/>.</summary>
    public static string TypeOf(JsonNode? node, JsonObject schemas, bool written, ISet<string> used, string indent)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (node is not JsonObject schema)
        {
            return "unknown";
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var name = RefName(reference.GetValue<string>());
            if (!schemas.ContainsKey(name))
            {
                throw new InvalidOperationException($"The document has no schema '{name}' ({reference}).");
            }

            used.Add(name);
            return name;
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray members)
        {
            return Union(members.Select(m => TypeOf(m, schemas, written, used, indent)));
        }

        string type;
        var types = Types(schema);
        if (schema["enum"] is JsonArray values)
        {
            type = Union(values.Where(v => v is not null).Select(Literal));
        }
        else if (types.Contains("number") || types.Contains("integer"))
        {
            type = "number";
        }
        else if (types.Contains("boolean"))
        {
            type = "boolean";
        }
        else if (types.Contains("array"))
        {
            var item = TypeOf(schema["items"], schemas, written, used, indent);
            type = item.Contains(' ', StringComparison.Ordinal) && !item.StartsWith('{') ? $"({item})[]" : $"{item}[]";
        }
        else if (schema["properties"] is JsonObject)
        {
            type = ObjectType(schema, schemas, written, used, indent);
        }
        else if (schema["additionalProperties"] is JsonObject values2)
        {
            type = $"Record<string, {TypeOf(values2, schemas, written, used, indent)}>";
        }
        else if (types.Contains("string"))
        {
            type = "string";
        }
        else if (types.Contains("object"))
        {
            type = "Record<string, unknown>";
        }
        else if (types.SetEquals(["null"]))
        {
            return "null";
        }
        else
        {
            type = "unknown";
        }

        return IsNullable(schema) ? Union([type, "null"]) : type;
    }

    /// <summary><c>{ name: T; … }</c>, one property a line, optional (<c>?</c>) only in a request-only schema.</summary>
    private static string ObjectType(JsonObject schema, JsonObject schemas, bool written, ISet<string> used, string indent)
    {
        var required = (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var inner = indent + "  ";
        var text = new StringBuilder("{\n");
        foreach (var (property, value) in (JsonObject)schema["properties"]!)
        {
            var optional = !written && !required.Contains(property) ? "?" : "";
            text.Append(Comment(value as JsonObject, inner))
                .Append(CultureInfo.InvariantCulture, $"{inner}{PropertyName(property)}{optional}: {TypeOf(value, schemas, written, used, inner)};\n");
        }

        return text.Append(indent).Append('}').ToString();
    }

    /// <summary>
    /// The schemas the server writes: those a response reaches, and every other one no request body reaches (the
    /// hub messages the document lists without an operation).
    /// </summary>
    public static HashSet<string> WrittenByServer(JsonObject document, JsonObject schemas)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schemas);
        var requests = new List<JsonNode?>();
        var responses = new List<JsonNode?>();
        foreach (var (_, path) in document["paths"] as JsonObject ?? [])
        {
            foreach (var (_, operation) in path as JsonObject ?? [])
            {
                requests.AddRange((operation?["requestBody"]?["content"] as JsonObject ?? []).Select(c => c.Value?["schema"]));
                requests.AddRange((operation?["parameters"] as JsonArray ?? []).Select(p => p?["schema"]));
                foreach (var (_, response) in operation?["responses"] as JsonObject ?? [])
                {
                    responses.AddRange((response?["content"] as JsonObject ?? []).Select(c => c.Value?["schema"]));
                }
            }
        }

        var read = Reached(requests, schemas);
        var written = Reached(responses, schemas);
        written.UnionWith(schemas.Select(s => s.Key).Where(n => !read.Contains(n)));
        return Reached([.. written.Select(n => (JsonNode?)new JsonObject { ["$ref"] = "#/components/schemas/" + n })], schemas);
    }

    private static HashSet<string> Reached(IEnumerable<JsonNode?> roots, JsonObject schemas)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>(roots);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue reference && seen.Add(RefName(reference.GetValue<string>())))
                    {
                        pending.Push(schemas[RefName(reference.GetValue<string>())]);
                    }

                    foreach (var (_, child) in o)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return seen;
    }

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static bool IsNullable(JsonObject schema) =>
        Types(schema).Contains("null") || (schema["enum"] is JsonArray values && values.Any(v => v is null));

    private static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    /// <summary>The members joined with <c>|</c>, <c>null</c> last (as <c>oneOf: [{ "type": "null" }, …]</c> has it first).</summary>
    private static string Union(IEnumerable<string> members) =>
        string.Join(" | ", members.Distinct(StringComparer.Ordinal).OrderBy(m => m == "null"));

    private static string Literal(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static string PropertyName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(name[0]) ? name : $"\"{name}\"";

    /// <summary><c>orderStatus</c> → <c>orderStatuses</c>, <c>orderAction</c> → <c>orderActions</c>.</summary>
    private static string Plural(string name) => name.EndsWith('s') ? name + "es" : name.EndsWith('y') && !name.EndsWith("ey", StringComparison.Ordinal) ? name[..^1] + "ies" : name + "s";

    /// <summary>The schema's description as a one-line <c>/** … */</c>, or nothing.</summary>
    private static string Comment(JsonObject? schema, string indent)
    {
        var description = schema?["description"] as JsonValue
            ?? (schema?["oneOf"] as JsonArray)?.Select(m => m?["description"]).OfType<JsonValue>().FirstOrDefault();
        if (description is null)
        {
            return "";
        }

        var text = string.Join(' ', WebUtility.HtmlDecode(description.GetValue<string>())
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Replace("*/", "* /", StringComparison.Ordinal);
        return $"{indent}/** {text} */\n";
    }
}