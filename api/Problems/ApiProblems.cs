using OrderGrid.Common;

namespace OrderGrid.Api.Problems;

/// <summary>
/// Every error the endpoints answer with, as <c>application/problem+json</c> with a stable <c>type</c> and a
/// <c>code</c> extension, so clients branch on the code and people read the detail.
/// </summary>
public static class ApiProblems
{
    /// <summary>Maps a grain's refusal: Invalid → 400, NotFound → 404, Conflict → 409, Unprocessable → 422.</summary>
    public static IResult From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            RefusalKind.Invalid when refusal.Errors is { Count: > 0 } errors =>
                TypedResults.ValidationProblem(
                    errors,
                    detail: refusal.Message,
                    type: ProblemTypes.For(refusal.Code),
                    title: "The request is not valid.",
                    extensions: Code(refusal.Code)),
            RefusalKind.Invalid => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", refusal.Code, refusal.Message),
            RefusalKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found.", refusal.Code, refusal.Message),
            RefusalKind.Conflict => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", refusal.Code, refusal.Message),
            RefusalKind.Unprocessable => Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed as sent.", refusal.Code, refusal.Message),
            _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected refusal.", refusal.Code, refusal.Message),
        };
    }

    /// <summary>The value of a successful outcome as 200, or its refusal as a problem.</summary>
    public static IResult OkOr<T>(Outcome<T> outcome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Refusal is { } refusal ? From(refusal) : TypedResults.Ok(outcome.Value);
    }

    /// <summary>400 with field errors; <paramref name="errors"/> must not be empty.</summary>
    public static IResult Validation(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: "Some fields are missing or not valid; see errors.",
            type: ProblemTypes.For(ProblemCodes.InvalidRequest),
            title: "The request is not valid.",
            extensions: Code(ProblemCodes.InvalidRequest));
    }

    /// <summary>Declares the problem answers an endpoint may give, in the OpenAPI document: one call for the list.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>400 for a request whose body is missing (or JSON <c>null</c>).</summary>
    public static IResult MissingBody() =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", ProblemCodes.MissingBody, "This request needs a JSON body.");

    /// <summary>404 for a resource that does not exist, or that the caller may not know exists.</summary>
    public static IResult NotFound(string code, string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", code, detail);

    public static IResult Problem(int status, string title, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: ProblemTypes.For(code), extensions: Code(code));

    private static Dictionary<string, object?> Code(string code) => new(StringComparer.Ordinal) { ["code"] = code };
}