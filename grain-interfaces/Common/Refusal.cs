using System.Collections.Immutable;

namespace OrderGrid.Common;

/// <summary>Why a command was not carried out. Nothing was changed.</summary>
/// <param name="Kind">Decides the HTTP status the API answers with.</param>
/// <param name="Code">Stable machine-readable code, e.g. <c>order.illegal-transition</c>.</param>
/// <param name="Message">Plain words for a person.</param>
/// <param name="Errors">Field errors for invalid input, keyed by the request's field path.</param>
[GenerateSerializer, Immutable, Alias("og.refusal")]
public sealed record Refusal(
    [property: Id(0)] RefusalKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message,
    [property: Id(3)] ImmutableDictionary<string, string[]>? Errors = null)
{
    public static Refusal Invalid(string code, string message, ImmutableDictionary<string, string[]>? errors = null) =>
        new(RefusalKind.Invalid, code, message, errors);

    public static Refusal NotFound(string code, string message) => new(RefusalKind.NotFound, code, message);

    public static Refusal Conflict(string code, string message) => new(RefusalKind.Conflict, code, message);

    public static Refusal Unprocessable(string code, string message) => new(RefusalKind.Unprocessable, code, message);
}