using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace OrderGrid.Tests.Fuzz;

/// <summary>
/// JSON bodies shaped like an endpoint's request type (read by reflection, camelCase names) but filled with hostile
/// values. Every body carries one poison that no validator may accept, so no generated body is a valid request.
/// </summary>
public sealed class BodyShapes(Random random)
{
    private const int MaxDepth = 4;

    /// <summary>
    /// An object of <paramref name="type"/> whose fields hold hostile values plus unknown fields, and one field holding a
    /// value of the wrong JSON kind (an object where a number, string or list belongs; a list where an object belongs),
    /// which the JSON reader refuses whatever the rest says.
    /// </summary>
    public string WrongKind(Type type)
    {
        var fields = Fields(type);
        if (fields.Count == 0)
        {
            return Pick(HostileValues.UnreadableBodies);
        }

        var broken = random.Next(fields.Count);
        return Object(fields.Select((f, i) => (f.Name, i == broken ? WrongKindFor(f.Type) : Value(f.Type, 1))).ToList());
    }

    /// <summary>
    /// An object of <paramref name="type"/> with well-typed hostile values, one of them out of every range a rule
    /// could allow (100,000 characters, the most negative number, 10,001 list items, a name no enum has).
    /// </summary>
    public string Poisoned(Type type)
    {
        var fields = Fields(type);
        if (fields.Count == 0)
        {
            return Pick(HostileValues.UnreadableBodies);
        }

        var poisoned = random.Next(fields.Count);
        return Object(fields.Select((f, i) => (f.Name, i == poisoned ? Poison(f.Type) : Value(f.Type, 1))).ToList());
    }

    /// <summary>10,000 nested arrays, at the top or under a field.</summary>
    public static string Deep(string? field)
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);
        return field is null ? nested : $"{{\"{field}\":{nested}}}";
    }

    public static string FirstField(Type type) => Fields(type).Select(f => f.Name).FirstOrDefault() ?? "x";

    private string Poison(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => Json(new string('x', 100_000)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "-2147483648",
            _ when type == typeof(decimal) => "-79228162514264337593543950335",
            _ when type == typeof(double) || type == typeof(float) => "-1e300",
            _ when type == typeof(bool) => "{}",
            _ when type.IsEnum => Json("Not-A-Value'; DROP"),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan) => Json("yesterday-ish"),
            _ when ElementOf(type) is { } element => "[" + string.Join(',', Enumerable.Repeat(Value(element, MaxDepth), 10_001)) + "]",
            _ => WrongKind(type),
        };
    }

    private string WrongKindFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementOf(type) is not null)
        {
            return random.Next(2) == 0 ? "{\"sku\":\"x\",\"quantity\":1}" : "\"" + new string('l', 100) + "\"";
        }

        return IsScalar(type) ? Pick(["{}", "{\"value\":1}", "[1,2,3]", "[\"" + HostileValues.SqlInjection + "\"]"]) : Pick(["[]", "[{}]"]);
    }

    private string Value(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (random.Next(8) == 0)
        {
            return "null";
        }

        return type switch
        {
            _ when type == typeof(string) => random.Next(10) == 0 ? Json(new string('é', random.Next(1, 3_000))) : Json(Pick(HostileValues.Strings)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal) || type == typeof(double)
                || type == typeof(float) => Pick(HostileValues.Numbers),
            _ when type == typeof(bool) => Pick(["true", "false", "\"yes\"", "0"]),
            _ when type.IsEnum => Json(Pick([.. Enum.GetNames(type), "none", "", "0", "-1", "999", HostileValues.SqlInjection])),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) =>
                Json(Pick(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-30", "garbage", "", "1e308"])),
            _ when type == typeof(TimeSpan) => Json(Pick(["-00:00:01", "99999999.00:00:00", "garbage"])),
            _ when ElementOf(type) is { } element => depth >= MaxDepth
                ? "[]"
                : "[" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => Value(element, depth + 1))) + "]",
            _ when depth >= MaxDepth => "{}",
            _ => Object(Fields(type).Select(f => (f.Name, Value(f.Type, depth + 1))).ToList()),
        };
    }

    private string Object(List<(string Name, string Json)> fields)
    {
        if (random.Next(3) == 0)
        {
            fields.Add(("unknownField", Pick(["1", "\"x\"", "{\"__proto__\":{\"admin\":true}}", "[null]"])));
        }

        var text = new StringBuilder("{");
        text.AppendJoin(',', fields.OrderBy(_ => random.Next()).Select(f => $"{Json(f.Name)}:{f.Json}"));
        return text.Append('}').ToString();
    }

    private static List<(string Name, Type Type)> Fields(Type type) =>
        type.IsPrimitive || type == typeof(string) || ElementOf(type) is not null
            ? []
            : [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name)))
                .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType))];

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan);

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0]
        : null;

    /// <summary>A JSON string escaping everything outside printable ASCII, so lone surrogates reach the server as written.</summary>
    public static string Json(string value)
    {
        var text = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            _ = c is < ' ' or > '~' or '"' or '\\' ? text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : text.Append(c);
        }

        return text.Append('"').ToString();
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];
}