using System.Text;

using Microsoft.AspNetCore.Routing.Patterns;

namespace OrderGrid.Tests.Fuzz;

/// <summary>
/// A seeded, deterministic generator of requests that break at least one rule each. Reads may carry anything. A
/// command either carries a body no reader or rule accepts (wrong JSON kinds, unreadable text, 10,000 nested arrays,
/// a wrong content type, a poisoned field), or, when its body could be read or it takes none, route values that can
/// name nothing.
/// </summary>
public sealed class HostileRequests(int seed, IReadOnlyDictionary<string, string[]> realIds)
{
    private readonly Random random = new(seed);

    private BodyShapes Bodies => new(random);

    /// <summary>Requests round-robin over <paramref name="targets"/> until <paramref name="sends"/> sends are planned (three callers each).</summary>
    public IReadOnlyList<HostileRequest> For(IReadOnlyList<FuzzTarget> targets, int sends)
    {
        var requests = new List<HostileRequest>();
        for (var planned = 0; planned < sends;)
        {
            var request = Next(targets[requests.Count % targets.Count]);
            requests.Add(request);
            planned += request.WithKeys ? 3 : 1;
        }

        return requests;
    }

    private HostileRequest Next(FuzzTarget target)
    {
        var key = random.Next(8) == 0 ? Pick(["", "   ", new string('k', 201), "key\twith\ttabs", "k-" + random.Next()]) : null;
        if (target.Reads)
        {
            var (readBody, readType) = random.Next(4) == 0 ? (Pick(HostileValues.UnreadableBodies), "application/json") : ((string?)null, (string?)null);
            return new(target, target.Method, Path(target, _ => AnyId()), readBody, readType, key, WithKeys: true);
        }

        if (target.BodyType is not { } bodyType)
        {
            return target.RouteValues.Count == 0
                ? new(target, target.Method, Path(target, _ => AnyId()), null, null, key, WithKeys: false)
                : new(target, target.Method, Path(target, _ => Malformed()), Maybe(Pick(HostileValues.UnreadableBodies)), "application/json", key, WithKeys: true);
        }

        var nameless = target.RouteValues.Count > 0;
        return random.Next(7) switch
        {
            0 => new(target, target.Method, Path(target, RouteValue), Bodies.WrongKind(bodyType), "application/json", key, true),
            1 => new(target, target.Method, Path(target, RouteValue), Pick(HostileValues.UnreadableBodies), "application/json", key, true),
            2 => new(target, target.Method, Path(target, RouteValue), BodyShapes.Deep(random.Next(2) == 0 ? null : BodyShapes.FirstField(bodyType)), "application/json", key, true),
            3 => new(target, target.Method, Path(target, RouteValue), Bodies.Poisoned(bodyType), ContentType(), key, true),

            // Without a body, or with one that could be read, only route values that name nothing keep it invalid; a bare command has neither.
            4 when nameless => new(target, target.Method, Path(target, _ => Malformed()), null, null, key, true),
            5 when nameless => new(target, target.Method, Path(target, _ => Malformed()), Bodies.Poisoned(bodyType), "application/json", key, true),
            _ => new(target, target.Method, Path(target, RouteValue), Bodies.Poisoned(bodyType), "application/json", key, true),
        };
    }

    // Half of the odd content types are JSON in a charset from the list, which holds ones the runtime refuses.
    private string ContentType() =>
        random.Next(2) == 0 ? Pick(HostileValues.ContentTypes) : $"application/json; charset={Pick(HostileValues.Charsets)}";

    private string Path(FuzzTarget target, Func<RoutePatternParameterPart, string> valueFor)
    {
        var path = new StringBuilder();
        foreach (var segment in target.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                _ = part switch
                {
                    RoutePatternLiteralPart literal => path.Append(literal.Content),
                    RoutePatternSeparatorPart separator => path.Append(separator.Content),
                    RoutePatternParameterPart parameter => path.Append(Escape(valueFor(parameter), parameter.IsCatchAll)),
                    _ => path,
                };
            }
        }

        if (random.Next(2) == 0)
        {
            path.Append('?').AppendJoin('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(HostileValues.Queries)));
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    // Real ids only travel with a body that must be refused; otherwise a value no route can resolve.
    private string RouteValue(RoutePatternParameterPart parameter) =>
        random.Next(2) == 0 && RealIds(parameter.Name) is { Length: > 0 } ids ? Pick(ids) : AnyId();

    private string[]? RealIds(string parameter) =>
        realIds.FirstOrDefault(r => parameter.Contains(r.Key, StringComparison.OrdinalIgnoreCase)).Value ?? realIds.GetValueOrDefault("id");

    private string AnyId() => random.Next(3) == 0 ? Pick(HostileValues.OddIds) : Malformed();

    private string Malformed() => Pick(HostileValues.MalformedIds);

    private string? Maybe(string body) => random.Next(3) == 0 ? body : null;

    private static string Escape(string value, bool catchAll)
    {
        if (value == "\uD800")
        {
            return "%ED%A0%80";
        }

        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            _ = char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' || (catchAll && b == (byte)'/')
                ? escaped.Append((char)b)
                : escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"%{b:X2}");
        }

        return escaped.ToString();
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];
}