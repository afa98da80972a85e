namespace OrderGrid.Common;

/// <summary>Kinds of refusal; the API maps them to 400, 404 and 409.</summary>
[GenerateSerializer, Alias("og.refusal-kind")]
public enum RefusalKind
{
    Invalid = 0,
    NotFound = 1,
    Conflict = 2,
}