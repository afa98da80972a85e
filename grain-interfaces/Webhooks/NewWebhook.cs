using System.Collections.Immutable;

namespace OrderGrid.Webhooks;

/// <summary>A subscription to add: where to post, and which events (see <see cref="WebhookEventFilter"/>).</summary>
[GenerateSerializer, Immutable, Alias("og.new-webhook")]
public sealed record NewWebhook(
    [property: Id(0)] string Url,
    [property: Id(1)] ImmutableArray<string> Events)
{
    public const int MaxUrlLength = 2000;
    public const int MaxFilters = 50;

    /// <summary>An absolute http or https address, or why not.</summary>
    public static string? UrlProblem(string url) =>
        url.Length > MaxUrlLength ? $"At most {MaxUrlLength} characters."
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? null
        : "Must be an absolute http:// or https:// address.";

    /// <summary>One to <see cref="MaxFilters"/> well-formed filters, or why not.</summary>
    public static string? EventsProblem(IReadOnlyCollection<string> events) =>
        events.Count == 0 ? "Name at least one event, e.g. \"order.*\" or \"order.shipped\"."
        : events.Count > MaxFilters ? $"At most {MaxFilters} filters."
        : events.Any(e => e is null) ? "A filter is a string such as \"order.*\"; null is not one."
        : events.FirstOrDefault(e => !WebhookEventFilter.IsWellFormed(e)) is { } bad
            ? $"'{bad}' is not a filter: use an event kind (\"order.shipped\"), a prefix (\"order.*\") or \"*\"."
            : null;

    /// <summary>Field errors by field name; empty when the subscription can be added.</summary>
    public ImmutableDictionary<string, string[]> Problems()
    {
        var problems = ImmutableDictionary.CreateBuilder<string, string[]>(StringComparer.Ordinal);
        if (UrlProblem(Url) is { } url)
        {
            problems["url"] = [url];
        }

        if (EventsProblem(Events) is { } events)
        {
            problems["events"] = [events];
        }

        return problems.ToImmutable();
    }
}