using System.Diagnostics;
using System.Text.Json;

namespace OrderGrid.Api.Problems;

/// <summary>
/// The outermost middleware of the API: an exception that escapes the exception handler (one thrown while handling
/// another, say) answers a plain 500 problem here, so it never reaches the host's developer exception page, which in
/// Development writes the stack trace and echoes every request header, the caller's API key included. Written by hand,
/// without the problem details service, because that may be what failed.
/// </summary>
public sealed partial class LastResortErrors(RequestDelegate next, ILogger<LastResortErrors> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await next(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            LogEscaped(logger, exception, http.Request.Method, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/problem+json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["type"] = ProblemTypes.For(ProblemCodes.ServerError),
                ["title"] = ProblemDefaults.ServerErrorTitle,
                ["status"] = StatusCodes.Status500InternalServerError,
                ["detail"] = ProblemDefaults.ServerErrorDetail,
                ["code"] = ProblemCodes.ServerError,
                ["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier,
            }));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An exception escaped the exception handler for {Method} {Path}")]
    private static partial void LogEscaped(ILogger logger, Exception exception, string method, PathString path);
}