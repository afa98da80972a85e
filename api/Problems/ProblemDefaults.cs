using System.Diagnostics;

using Microsoft.AspNetCore.Http.Features;

namespace OrderGrid.Api.Problems;

/// <summary>
/// Gives problems written by the framework (unknown route, 405, unhandled exception) the same shape as ours:
/// an OrderGrid <c>type</c>, a <c>code</c> and a <c>traceId</c> to quote when reporting a fault. A problem made from an
/// unexpected exception says nothing of it, in every environment: no exception type or message, no stack trace and none
/// of the request's headers (the developer exception page would add them under <c>exception</c>).
/// </summary>
public static class ProblemDefaults
{
    public const string ServerErrorTitle = "The service could not answer.";
    public const string ServerErrorDetail = "An unexpected error occurred. Quote the traceId when you report it.";

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.Remove("exception");
        if (context.Exception is not null && status == StatusCodes.Status500InternalServerError)
        {
            problem.Title = ServerErrorTitle;
            problem.Detail = ServerErrorDetail;
        }
        if (!problem.Extensions.TryGetValue("code", out var code) || code is not string)
        {
            code = ProblemCodes.ForStatus(status);
            problem.Extensions["code"] = code;
        }

        if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
        {
            problem.Type = ProblemTypes.For((string)code);
        }

        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => "Nothing is found at this address.",
            StatusCodes.Status405MethodNotAllowed => "This address does not answer to this HTTP method.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
            _ => null,
        };

        if (!problem.Extensions.ContainsKey("traceId"))
        {
            problem.Extensions["traceId"] = Activity.Current?.Id
                ?? context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                ?? context.HttpContext.TraceIdentifier;
        }
    }
}