using System.Text.RegularExpressions;

namespace OrderGrid.Webhooks;

/// <summary>
/// Which events a subscription wants: an exact kind (<c>order.shipped</c>), every kind under a prefix
/// (<c>order.*</c> matches <c>order.shipped</c>, not <c>order</c>), or everything (<c>*</c>).
/// </summary>
public static partial class WebhookEventFilter
{
    public const int MaxLength = 100;

    public static bool IsWellFormed(string? filter) =>
        filter is not null && filter.Length <= MaxLength && (filter == "*" || Shape().IsMatch(filter));

    public static bool Matches(string filter, string eventType) =>
        filter == "*"
        || (filter.EndsWith(".*", StringComparison.Ordinal)
            ? eventType.StartsWith(filter[..^1], StringComparison.Ordinal)
            : string.Equals(filter, eventType, StringComparison.Ordinal));

    public static bool MatchesAny(IEnumerable<string> filters, string eventType) => filters.Any(f => Matches(f, eventType));

    [GeneratedRegex(@"^[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}