namespace OrderGrid.Common;

/// <summary>Kinds of refusal; the API maps them to 400, 404, 409 and 422.</summary>
[GenerateSerializer, Alias("og.refusal-kind")]
public enum RefusalKind
{
    Invalid = 0,
    NotFound = 1,
    Conflict = 2,

    /// <summary>Well-formed but cannot be processed as sent, e.g. an idempotency key reused for a different request.</summary>
    Unprocessable = 3,
}