using System.Collections.Immutable;
using System.Globalization;

using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>A validated request for a page of the order list (<c>GET /api/orders</c>).</summary>
/// <param name="Statuses">Any of these statuses (API words); empty: all.</param>
/// <param name="Channels">Any of these channels (API words, e.g. <c>web</c>); empty: all.</param>
/// <param name="From">Placed at or after.</param>
/// <param name="Until">Placed before (exclusive).</param>
/// <param name="Text">Free text: found inside the id, customer id, email or ship-to name (ignoring case), or exactly a SKU.</param>
public sealed record OrderListQuery(
    ImmutableArray<string> Statuses,
    ImmutableArray<string> Channels,
    string? CustomerId,
    string? WarehouseId,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    string? Text,
    int Page,
    int PageSize,
    OrderListSort Sort)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 10_000;
    public const int MinTextLength = 3;

    /// <summary>The longest search text; the wall's finder box has it as its <c>maxlength</c> (checked by a test).</summary>
    public const int MaxTextLength = 100;

    public static readonly ImmutableDictionary<string, OrderListSort> Sorts = new Dictionary<string, OrderListSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["-placedAt"] = OrderListSort.NewestFirst,
        ["placedAt"] = OrderListSort.OldestFirst,
        ["total"] = OrderListSort.SmallestTotalFirst,
        ["-total"] = OrderListSort.LargestTotalFirst,
        ["status"] = OrderListSort.Status,
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    public int Offset => (Page - 1) * PageSize;

    /// <summary>Reads the query string; every bad value is reported under its parameter name.</summary>
    public static (OrderListQuery? Query, FieldErrors Errors) Parse(
        string? status, string? channel, string? customerId, string? warehouseId, string? from, string? to,
        string? q, string? page, string? pageSize, string? sort)
    {
        // An empty parameter (a form's blank field) means no filter.
        (status, channel, customerId, warehouseId, q, sort) = (Given(status), Given(channel), Given(customerId), Given(warehouseId), Given(q), Given(sort));
        var errors = new FieldErrors();
        var statuses = Names<OrderStatus>(errors, "status", status, s => s.ToString());
        var channels = Names<SalesChannel>(errors, "channel", channel, c => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.ToString()));
        errors.Text("customerId", customerId, 100, required: false);
        errors.Text("warehouseId", warehouseId, 100, required: false);
        var since = Instant(errors, "from", from, upperBound: false);
        var until = Instant(errors, "to", to, upperBound: true);
        if (since is not null && until is not null && since >= until)
        {
            errors.Add("from", "Must not be after 'to'.");
        }

        var text = q?.Trim();
        if (q is not null)
        {
            errors.Text("q", q, MaxTextLength);
            if (text is { Length: > 0 and < MinTextLength })
            {
                errors.Add("q", $"At least {MinTextLength} characters.");
            }
        }

        var pageNumber = errors.Number("page", page, 1, MaxPage) ?? 1;
        var size = errors.Number("pageSize", pageSize, 1, MaxPageSize) ?? DefaultPageSize;
        var order = OrderListSort.NewestFirst;
        if (sort is not null && !Sorts.TryGetValue(sort, out order))
        {
            errors.Add("sort", $"One of {string.Join(", ", Sorts.Keys.Order(StringComparer.Ordinal))}.");
        }

        return errors.IsEmpty
            ? (new OrderListQuery(statuses, channels, customerId, warehouseId, since, until, text, pageNumber, size, order), errors)
            : (null, errors);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A comma-separated list of enum names, answered in the API's words; numbers are refused.</summary>
    private static ImmutableArray<string> Names<T>(FieldErrors errors, string path, string? value, Func<T, string> word)
        where T : struct, Enum
    {
        if (value is null)
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var known = Enum.GetValues<T>().Where(v => string.Equals(v.ToString(), part, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (known.Length == 0)
            {
                errors.Add(path, $"Unknown value '{part}'. One of {string.Join(", ", Enum.GetValues<T>().Select(word))}.");
                return [];
            }

            names.Add(word(known[0]));
        }

        return names.Distinct().ToImmutableArray();
    }

    /// <summary>
    /// An ISO 8601 instant or a date (UTC). The upper bound is answered exclusive but means inclusive: a <c>to</c>
    /// date includes that whole day, a <c>to</c> instant that microsecond (PostgreSQL's resolution).
    /// </summary>
    private static DateTimeOffset? Instant(FieldErrors errors, string path, string? value, bool upperBound)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last representable day has no next day: as an upper bound it means "no bound".
            return !upperBound ? start : day == DateOnly.MaxValue ? null : start.AddDays(1);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return !upperBound ? instant
                : instant.UtcTicks > DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerMicrosecond ? null
                : instant.AddTicks(TimeSpan.TicksPerMicrosecond);
        }

        errors.Add(path, "An ISO 8601 date (2026-03-01) or date and time (2026-03-01T12:00:00Z).");
        return null;
    }
}