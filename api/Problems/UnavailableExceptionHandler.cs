using System.Globalization;

using Microsoft.AspNetCore.Diagnostics;

using Npgsql;

using Orleans.Runtime;
using Orleans.Storage;

namespace OrderGrid.Api.Problems;

/// <summary>
/// Answers 503 with <c>Retry-After</c> when a request failed because the service could not reach what it stands on:
/// the database is down or refusing connections, a write met a newer stored version (a node took over the grain),
/// a silo left the cluster or the runtime rejected a message on its way (grains moving), or a grain call timed out. The outcome is unknown, so the answer says to retry with the
/// same Idempotency-Key; nothing of the cause (server names, SQL) is written out. Anything else is left to the
/// default 500: a bug must stay visible. The exception itself is logged by the exception handler middleware.
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>The seconds a client waits before retrying (a database restart or a silo failover takes a few).</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsUnavailability(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service could not answer.",
                Type = ProblemTypes.For(ProblemCodes.Unavailable),
                Detail = "The service is briefly unavailable and the outcome of this request is unknown. "
                    + "Retry it after the Retry-After delay (with the same Idempotency-Key, if you sent one).",
                Extensions = { ["code"] = ProblemCodes.Unavailable },
            },
        });
    }

    /// <summary>True when <paramref name="exception"/>, or an exception it wraps, says the storage or the cluster is unreachable.</summary>
    public static bool IsUnavailability(Exception? exception) => exception switch
    {
        null => false,
        TimeoutException or OrleansMessageRejectionException or InconsistentStateException => true,
        PostgresException postgres => IsConnectionFailure(postgres.SqlState),
        NpgsqlException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailability),
        _ => IsUnavailability(exception.InnerException),
    };

    // A statement the server refused is a bug unless the server was going away or could not take the connection:
    // connection exceptions (08), too many connections / out of resources (53), shutting down or starting (57P).
    private static bool IsConnectionFailure(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal);
}