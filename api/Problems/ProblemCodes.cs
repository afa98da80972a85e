namespace OrderGrid.Api.Problems;

/// <summary>Error codes the API itself raises (grains add their own, e.g. <c>order.illegal-transition</c>).</summary>
public static class ProblemCodes
{
    public const string InvalidRequest = "request.invalid";
    public const string MalformedBody = "request.malformed-body";
    public const string MissingBody = "request.missing-body";
    public const string UnsupportedMediaType = "request.unsupported-media-type";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string TooLarge = "request.too-large";
    public const string TooManyRequests = "request.rate-limited";
    public const string Unavailable = "service.unavailable";
    public const string ServerError = "server.error";

    /// <summary>The code for a response that has only a status (404 for an unknown route, 405, 500 …).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => ServerError,
        _ => $"http-{status}",
    };
}