using System.Text.Json;

using Microsoft.AspNetCore.Diagnostics;

namespace OrderGrid.Api.Problems;

/// <summary>
/// Turns unreadable requests (malformed JSON, wrong JSON types, numbers out of range, unknown enum values, bad
/// query values, path values a library cannot parse) into 400 problems instead of 500 (a body's charset is decided
/// before any endpoint by <see cref="Security.BodyEncoding"/>; grain-call timeouts: <see cref="UnavailableExceptionHandler"/>).
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Unreadable(json),
            JsonException json => Unreadable(json),
            BadHttpRequestException bad => Problem(bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), bad.Message),

            // The Orleans Dashboard parses silo addresses from its paths and lets a malformed or blank one escape as an error.
            ArgumentException { ParamName: "primaryKey" } => Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Nothing has a blank name."),
            FormatException or InvalidOperationException { InnerException: FormatException } => Problem(
                StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "A value in the path or query is not in the expected form."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails Unreadable(JsonException json)
    {
        // A syntax error is reported by the reader (a JsonException inside); a value that does not fit its field
        // (wrong type, too large for int, unknown enum name) has no inner exception or a format/overflow one.
        var syntax = json.InnerException is JsonException;
        var field = FieldPath(json.Path);
        var line = json.LineNumber is { } l ? $" (line {l + 1}, byte {(json.BytePositionInLine ?? 0) + 1})" : string.Empty;
        var problem = new HttpValidationProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Type = ProblemTypes.For(ProblemCodes.MalformedBody),
            Detail = syntax
                ? $"The request body is not valid JSON{line}."
                : $"The value of '{field}' is not valid here: wrong type, out of range, or not one of the allowed values{line}.",
        };
        problem.Errors[field] = [syntax ? "Malformed JSON." : "Wrong type, out of range, or not one of the allowed values."];
        problem.Extensions["code"] = ProblemCodes.MalformedBody;
        return problem;
    }

    private static string FieldPath(string? jsonPath)
    {
        var path = jsonPath is null ? string.Empty : jsonPath.TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "body" : path;
    }

    private static ProblemDetails Problem(int status, string code, string detail) =>
        new()
        {
            Status = status,
            Title = status >= 500 ? "The service could not answer." : "The request is not valid.",
            Type = ProblemTypes.For(code),
            Detail = detail,
            Extensions = { ["code"] = code },
        };
}